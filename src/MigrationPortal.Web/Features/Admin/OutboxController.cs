using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/outbox")]
public sealed class OutboxController(Outbox.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] Outbox.Filter filter, CancellationToken ct) => ViewPage("Outbox", await h.ListAsync(filter, ct));

    [HttpPost("{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, OutboxStatus? status, CancellationToken ct) =>
        Done(await h.ResendAsync(id, ct), "Outbox.Resent", _ => RedirectToAction(nameof(Index), new { status }), () => RedirectToAction(nameof(Index), new { status }));

    [HttpGet("pickup/{name}")]
    public async Task<IActionResult> Pickup(string name, CancellationToken ct) =>
        await h.PickupFileAsync(name, ct) is { IsOk: true } file ? PhysicalFile(file.Value!, "message/rfc822", name) : NotFound();
}
