using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MigrationPortal.Web.Features.Intake;

[Route("projects/{id:int}/mapping")]
public sealed class MappingController(Mapping.Handler h, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken ct) =>
        await h.GetAsync(id, User, ct) switch
        {
            (Mapping.Outcome.Saved, { } page) => View("Mapping", page),
            _ => NotFound(),
        };

    [HttpPost("")]
    public async Task<IActionResult> Save(int id, Mapping.Form form, string? submit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.ProjectId = id;
        var (outcome, page, errors) = await h.SaveAsync(form, submit is not null, ModelState.IsValid, User, ct);
        switch (outcome)
        {
            case Mapping.Outcome.Saved:
            case Mapping.Outcome.Submitted:
                TempData["Flash"] = l[outcome == Mapping.Outcome.Submitted ? "Mapping.SubmittedFlash" : "Mapping.SavedFlash"].Value;
                return Redirect($"/projects/{id}/mapping");
            case Mapping.Outcome.Invalid:
                foreach (var (field, key) in errors)
                {
                    ModelState.AddModelError(field, l[key]);
                }

                return View("Mapping", page);
            case Mapping.Outcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                return View("Mapping", page);
            case Mapping.Outcome.Locked:
                TempData["Flash"] = l["Mapping.Locked"].Value;
                return Redirect($"/projects/{id}/mapping");
            case Mapping.Outcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
