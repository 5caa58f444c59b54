using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Projects;

[Route("projects/{id:int}")]
public sealed class ProjectsController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int id, [FromServices] ShowProject.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpGet("history")]
    public async Task<IActionResult> History(int id, [FromServices] ProjectHistory.Handler h, CancellationToken ct, int page = 1) =>
        Page(await h.GetAsync(id, page, User, ct));

    [HttpGet("meetings/{meetingId:int}")]
    public async Task<IActionResult> Meeting(int id, int meetingId, [FromServices] ShowMeeting.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, meetingId, User, ct));

    [HttpGet("steps/{stepId:int}/edit")]
    public async Task<IActionResult> EditStep(int id, int stepId, [FromServices] EditStep.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, stepId, User, ct));

    [HttpPost("steps/{stepId:int}/edit")]
    public async Task<IActionResult> EditStep(int id, EditStep.Form form, [FromServices] EditStep.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), nameof(EditStep), "Step.Saved",
            stepId => RedirectToAction(nameof(Show), null, new { id }, $"step-{stepId}"));

    [HttpGet("/projects/new")]
    public async Task<IActionResult> New([FromServices] SaveProject.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(null, User, ct), "EditProject");

    [HttpPost("/projects/new")]
    public async Task<IActionResult> New(SaveProject.Form form, [FromServices] SaveProject.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), "EditProject", "Project.Saved", id => RedirectToAction(nameof(Show), new { id }));

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveProject.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct), "EditProject");

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(SaveProject.Form form, [FromServices] SaveProject.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), "EditProject", "Project.Saved", id => RedirectToAction(nameof(Show), new { id }));

    [HttpGet("meetings/new")]
    public async Task<IActionResult> NewMeeting(int id, [FromServices] SaveMeeting.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, null, User, ct), "EditMeeting");

    [HttpPost("meetings/new")]
    public async Task<IActionResult> NewMeeting(SaveMeeting.Form form, [FromServices] SaveMeeting.Handler h, CancellationToken ct) =>
        SavedMeeting(await h.SaveAsync(form, ModelState.IsValid, User, ct), form.ProjectId);

    [HttpGet("meetings/{meetingId:int}/edit")]
    public async Task<IActionResult> EditMeeting(int id, int meetingId, [FromServices] SaveMeeting.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, meetingId, User, ct), "EditMeeting");

    [HttpPost("meetings/{meetingId:int}/edit")]
    public async Task<IActionResult> EditMeeting(SaveMeeting.Form form, [FromServices] SaveMeeting.Handler h, CancellationToken ct) =>
        SavedMeeting(await h.SaveAsync(form, ModelState.IsValid, User, ct), form.ProjectId);

    [HttpPost("meetings/{meetingId:int}/cancel")]
    public async Task<IActionResult> CancelMeeting(int id, int meetingId, int version, [FromServices] CancelMeeting.Handler h, CancellationToken ct) =>
        Done(await h.CancelAsync(id, meetingId, version, User, ct), "Meeting.CancelledFlash",
            _ => RedirectToAction(nameof(Meeting), new { id, meetingId }), () => RedirectToAction(nameof(Meeting), new { id, meetingId }));

    private IActionResult SavedMeeting(Infrastructure.Results.Result<int> result, int id) =>
        Saved(result, "EditMeeting", "Meeting.Saved", meetingId => RedirectToAction(nameof(Meeting), new { id, meetingId }));
}
