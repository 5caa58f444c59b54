using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Training;

/// <summary>The project's training plan: sessions at the customer, at the vendor, online, and videos.</summary>
[Route("projects/{id:int}/training")]
public sealed class TrainingController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, [FromServices] ShowTrainingPlan.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpGet("new")]
    public async Task<IActionResult> New(int id, [FromServices] SaveTrainingSession.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, null, User, ct), "Edit");

    [HttpPost("new")]
    public async Task<IActionResult> New(SaveTrainingSession.Form form, [FromServices] SaveTrainingSession.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), "Edit", "Training.Saved", sessionId => ToSession(form.ProjectId, sessionId));

    [HttpGet("{sessionId:int}/edit")]
    public async Task<IActionResult> Edit(int id, int sessionId, [FromServices] SaveTrainingSession.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, sessionId, User, ct));

    [HttpPost("{sessionId:int}/edit")]
    public async Task<IActionResult> Edit(SaveTrainingSession.Form form, [FromServices] SaveTrainingSession.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), nameof(Edit), "Training.Saved", sessionId => ToSession(form.ProjectId, sessionId));

    [HttpPost("{sessionId:int}/delete")]
    public async Task<IActionResult> Delete(int id, int sessionId, int version, [FromServices] SaveTrainingSession.Handler h, CancellationToken ct) =>
        Done(await h.DeleteAsync(id, sessionId, version, User, ct), "Training.Deleted",
            _ => RedirectToAction(nameof(Index), new { id }), () => RedirectToAction(nameof(Index), new { id }));

    private RedirectToActionResult ToSession(int projectId, int sessionId) =>
        RedirectToAction(nameof(Index), null, new { id = projectId }, $"session-{sessionId}");
}
