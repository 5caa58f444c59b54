using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>A customer in operation: its annual wheel, and the customer's request for an extra meeting.</summary>
public sealed class WheelController : PortalController
{
    [HttpGet("/operations/{id:int}/wheel")]
    public async Task<IActionResult> Show(int id, [FromServices] ShowWheel.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpGet("/operations/{id:int}/meeting-requests/new")]
    public async Task<IActionResult> RequestMeeting(int id, [FromServices] RequestMeeting.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpPost("/operations/{id:int}/meeting-requests/new")]
    public async Task<IActionResult> RequestMeeting(RequestMeeting.Form form, [FromServices] RequestMeeting.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), nameof(RequestMeeting), "MeetingRequest.SentFlash",
            _ => RedirectToAction(nameof(Show), null, new { id = form.ProjectId }, "requests"));

    [HttpPost("/operations/{id:int}/status-month")]
    public async Task<IActionResult> StatusMonth(SetStatusMonth.Form form, [FromServices] SetStatusMonth.Handler h, CancellationToken ct) =>
        Done(await h.SaveAsync(form, ModelState.IsValid, User, ct), "Wheel.StatusMonthSaved",
            id => RedirectToAction(nameof(Show), new { id }), () => RedirectToAction(nameof(Show), new { id = form.ProjectId }));
}
