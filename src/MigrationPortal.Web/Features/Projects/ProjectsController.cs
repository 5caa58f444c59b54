using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MigrationPortal.Web.Features.Projects;

[Route("projects/{id:int}")]
public sealed class ProjectsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int id, [FromServices] ShowProject.Handler h, CancellationToken ct) =>
        await h.GetAsync(id, User, ct) is { } vm ? View(vm) : NotFound();

    [HttpGet("history")]
    public async Task<IActionResult> History(int id, [FromServices] ShowProject.Handler h, CancellationToken ct) =>
        await h.GetAsync(id, User, ct, historyLimit: 1000) is { IsStaff: true } vm ? View(vm) : NotFound();

    [HttpGet("meetings/{meetingId:int}")]
    public async Task<IActionResult> Meeting(int id, int meetingId, [FromServices] ShowMeeting.Handler h, CancellationToken ct) =>
        await h.GetAsync(id, meetingId, User, ct) is { } vm ? View(vm) : NotFound();

    [HttpGet("steps/{stepId:int}/edit")]
    public async Task<IActionResult> EditStep(int id, int stepId, [FromServices] EditStep.Handler h, CancellationToken ct) =>
        Result(await h.GetAsync(id, stepId, User, ct));

    [HttpPost("steps/{stepId:int}/edit")]
    public async Task<IActionResult> EditStep(int id, int stepId, EditStep.Form form, [FromServices] EditStep.Handler h, [FromServices] IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.ProjectId = id;
        form.StepId = stepId;
        var (outcome, page) = await h.SaveAsync(form, ModelState.IsValid, User, ct);
        if (outcome == Projects.EditStep.Outcome.Saved)
        {
            TempData["Flash"] = l["Step.Saved"].Value;
            return Redirect($"/projects/{id}#step-{stepId}");
        }

        if (outcome == Projects.EditStep.Outcome.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.Clear();
        }
        else if (outcome == Projects.EditStep.Outcome.Invalid && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(form.AssigneeUserId), l["Validation.UnknownAssignee"]);
        }

        return Result((outcome, page));
    }

    private IActionResult Result((EditStep.Outcome Outcome, EditStep.Page? Page) r) => r.Outcome switch
    {
        Projects.EditStep.Outcome.NotFound => NotFound(),
        Projects.EditStep.Outcome.Forbidden => Forbid(),
        _ => View("EditStep", r.Page),
    };
}
