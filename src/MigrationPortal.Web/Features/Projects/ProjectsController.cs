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

    [HttpGet("/projects/new")]
    public async Task<IActionResult> New([FromServices] SaveProject.Handler h, CancellationToken ct) =>
        ProjectResult(await h.GetAsync(null, User, ct));

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveProject.Handler h, CancellationToken ct) =>
        ProjectResult(await h.GetAsync(id, User, ct));

    [HttpPost("/projects/new")]
    public Task<IActionResult> New(SaveProject.Form form, [FromServices] SaveProject.Handler h, [FromServices] IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveProjectAsync(form, h, l, ct);
    }

    [HttpPost("edit")]
    public Task<IActionResult> Edit(int id, SaveProject.Form form, [FromServices] SaveProject.Handler h, [FromServices] IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveProjectAsync(form, h, l, ct);
    }

    private async Task<IActionResult> SaveProjectAsync(SaveProject.Form form, SaveProject.Handler h, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Still check access first: an invalid form for someone else's project is a 404, not a form.
            var (access, page) = await h.GetAsync(form.Id, User, ct);
            return access == Projects.SaveProject.Outcome.Saved ? View("EditProject", page! with { Form = form }) : ProjectResult((access, null));
        }

        var (outcome, id, invalidPage, errors) = await h.SaveAsync(form, User, ct);
        switch (outcome)
        {
            case Projects.SaveProject.Outcome.Saved:
                TempData["Flash"] = l["Project.Saved"].Value;
                return Redirect($"/projects/{id}");
            case Projects.SaveProject.Outcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                return View("EditProject", invalidPage);
            case Projects.SaveProject.Outcome.Invalid:
                foreach (var (field, key) in errors)
                {
                    ModelState.AddModelError(field, l[key]);
                }

                return View("EditProject", invalidPage);
            default:
                return ProjectResult((outcome, null));
        }
    }

    [HttpGet("meetings/new")]
    public async Task<IActionResult> NewMeeting(int id, [FromServices] SaveMeeting.Handler h, CancellationToken ct) =>
        MeetingResult(await h.GetAsync(id, null, User, ct));

    [HttpGet("meetings/{meetingId:int}/edit")]
    public async Task<IActionResult> EditMeeting(int id, int meetingId, [FromServices] SaveMeeting.Handler h, CancellationToken ct) =>
        MeetingResult(await h.GetAsync(id, meetingId, User, ct));

    [HttpPost("meetings/new")]
    public Task<IActionResult> NewMeeting(int id, SaveMeeting.Form form, [FromServices] SaveMeeting.Handler h, [FromServices] IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        (form.ProjectId, form.Id) = (id, null);
        return SaveMeetingAsync(form, h, l, ct);
    }

    [HttpPost("meetings/{meetingId:int}/edit")]
    public Task<IActionResult> EditMeeting(int id, int meetingId, SaveMeeting.Form form, [FromServices] SaveMeeting.Handler h, [FromServices] IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        (form.ProjectId, form.Id) = (id, meetingId);
        return SaveMeetingAsync(form, h, l, ct);
    }

    private async Task<IActionResult> SaveMeetingAsync(SaveMeeting.Form form, SaveMeeting.Handler h, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (outcome, meetingId, page) = await h.SaveAsync(form, ModelState.IsValid, User, ct);
        switch (outcome)
        {
            case Projects.SaveMeeting.Outcome.Saved:
                TempData["Flash"] = l["Meeting.Saved"].Value;
                return Redirect($"/projects/{form.ProjectId}/meetings/{meetingId}");
            case Projects.SaveMeeting.Outcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                return View("EditMeeting", page);
            default:
                return MeetingResult((outcome, page));
        }
    }

    private IActionResult MeetingResult((SaveMeeting.Outcome Outcome, SaveMeeting.Page? Page) r) => r.Outcome switch
    {
        Projects.SaveMeeting.Outcome.NotFound => NotFound(),
        Projects.SaveMeeting.Outcome.Forbidden => Forbid(),
        _ => View("EditMeeting", r.Page),
    };

    private IActionResult ProjectResult((SaveProject.Outcome Outcome, SaveProject.Page? Page) r) => r.Outcome switch
    {
        Projects.SaveProject.Outcome.NotFound => NotFound(),
        Projects.SaveProject.Outcome.Forbidden => Forbid(),
        _ => View("EditProject", r.Page),
    };

    private IActionResult Result((EditStep.Outcome Outcome, EditStep.Page? Page) r) => r.Outcome switch
    {
        Projects.EditStep.Outcome.NotFound => NotFound(),
        Projects.EditStep.Outcome.Forbidden => Forbid(),
        _ => View("EditStep", r.Page),
    };
}
