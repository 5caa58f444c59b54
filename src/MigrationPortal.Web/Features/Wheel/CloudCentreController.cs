using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>The cloud centre's work place: its start page, the customers in operation and the meeting requests.</summary>
[Authorize(Roles = $"{Roles.CloudCenter},{Roles.Admin}")]
public sealed class CloudCentreController : PortalController
{
    [HttpGet("/cloud-centre")]
    public async Task<IActionResult> Index([FromQuery] int page, [FromServices] CloudCentreStart.Handler h, CancellationToken ct) =>
        View(await h.GetAsync(page, ct));

    [HttpGet("/cloud-centre/customers")]
    public async Task<IActionResult> Customers([FromQuery] int page, [FromServices] CloudCentreStart.Handler h, CancellationToken ct) =>
        View(await h.CustomersAsync(page, ct));

    [HttpGet("/cloud-centre/meeting-requests/{requestId:int}")]
    public async Task<IActionResult> MeetingRequest(int requestId, [FromServices] DecideMeetingRequest.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(requestId, User, ct));

    [HttpPost("/cloud-centre/meeting-requests/{requestId:int}")]
    public async Task<IActionResult> MeetingRequest(DecideMeetingRequest.Form form, [FromServices] DecideMeetingRequest.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), nameof(MeetingRequest), form.Decline ? "MeetingRequest.DeclinedFlash" : "MeetingRequest.PlannedFlash",
            _ => RedirectToAction(nameof(Index), null, null, "requests"));
}
