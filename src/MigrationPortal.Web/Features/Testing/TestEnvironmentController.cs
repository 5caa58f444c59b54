using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Testing;

/// <summary>The project's test environment: the register, the customer's findings and the customer's sign-off.</summary>
[Route("projects/{id:int}/test")]
public sealed class TestEnvironmentController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, [FromServices] ShowTestEnvironment.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditTestEnvironment.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(EditTestEnvironment.Form form, string? stay, [FromServices] EditTestEnvironment.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), nameof(Edit), "Test.Saved", id => RedirectToAction(stay is null ? nameof(Index) : nameof(Edit), new { id }));

    [HttpGet("findings/new")]
    public async Task<IActionResult> ReportFinding(int id, [FromServices] ReportFinding.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpPost("findings/new")]
    public async Task<IActionResult> ReportFinding(int id, ReportFinding.Form form, [FromServices] ReportFinding.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), nameof(ReportFinding), "Finding.Reported",
            findingId => RedirectToAction(nameof(Index), null, new { id }, $"finding-{findingId}"));

    [HttpGet("findings/{findingId:int}/edit")]
    public async Task<IActionResult> EditFinding(int id, int findingId, [FromServices] EditFinding.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, findingId, User, ct));

    [HttpPost("findings/{findingId:int}/edit")]
    public async Task<IActionResult> EditFinding(int id, EditFinding.Form form, [FromServices] EditFinding.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), nameof(EditFinding), "Finding.Saved",
            findingId => RedirectToAction(nameof(Index), null, new { id }, $"finding-{findingId}"));

    [HttpGet("signoff")]
    public async Task<IActionResult> SignOff(int id, [FromServices] SignOffTest.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct), refused: reason => RedirectWithError(reason, RedirectToAction(nameof(Index), new { id })));

    [HttpPost("signoff")]
    public async Task<IActionResult> SignOff(int id, SignOffTest.Form form, [FromServices] SignOffTest.Handler h, CancellationToken ct) =>
        Saved(await h.SignOffAsync(form, ModelState.IsValid, User, ct), nameof(SignOff), "Test.SignedOff",
            _ => RedirectToAction(nameof(Index), null, new { id }, "signoff"),
            refused: reason => RedirectWithError(reason, RedirectToAction(nameof(Index), new { id })));
}
