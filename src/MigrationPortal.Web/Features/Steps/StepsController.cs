using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Steps;

/// <summary>A step's own page with its discussion; editing a step stays with the project (projects/{id}/steps/{stepId}/edit).</summary>
[Route("projects/{id:int}/steps/{stepId:int}")]
public sealed class StepsController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int id, int stepId, [FromServices] ShowStep.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, stepId, User, ct));

    [HttpPost("comments")]
    public async Task<IActionResult> Comment(int id, int stepId, Discussion.Form form, [FromServices] ShowStep.Handler h, CancellationToken ct) =>
        Saved(await h.CommentAsync(id, stepId, form, ModelState.IsValid, User, ct), nameof(Show), "Comment.Saved",
            _ => RedirectToAction(nameof(Show), null, new { id, stepId }, form.Internal ? "internal-notes" : "comments"));

    [HttpPost("done")]
    public async Task<IActionResult> MarkDone(int id, int stepId, int version, [FromServices] ShowStep.Handler h, CancellationToken ct) =>
        Done(await h.MarkDoneAsync(id, stepId, version, User, ct), "Step.MarkedDone",
            _ => RedirectToAction(nameof(Show), new { id, stepId }), () => RedirectToAction(nameof(Show), new { id, stepId }));
}
