using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Intake;

[Route("projects/{id:int}/mapping")]
public sealed class MappingController(Mapping.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken ct) => Page(await h.GetAsync(id, User, ct), "Mapping");

    [HttpPost("")]
    public async Task<IActionResult> Save(int id, Mapping.Form form, string? submit, CancellationToken ct) =>
        await h.SaveAsync(form, submit is not null, ModelState.IsValid, User, ct) is var result && result is { IsOk: true, Value: true }
            ? Saved(result, "Mapping", "Mapping.SubmittedFlash", _ => RedirectToAction(nameof(Index), new { id }))
            : Saved(result, "Mapping", "Mapping.SavedFlash", _ => RedirectToAction(nameof(Index), new { id }),
                refused: reason => WithFlash(reason, RedirectToAction(nameof(Index), new { id })));

    private RedirectToActionResult WithFlash(string key, RedirectToActionResult to)
    {
        Flash(key);
        return to;
    }
}
