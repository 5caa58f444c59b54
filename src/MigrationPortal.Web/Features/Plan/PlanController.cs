using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Plan;

[Route("projects/{id:int}/plan")]
public sealed class PlanController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, [FromServices] ShowPlan.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpPost("advance")]
    public async Task<IActionResult> Advance(int id, int version, [DataType(DataType.MultilineText)] string? reason, [FromServices] AdvancePhase.Handler h, CancellationToken ct) =>
        Done(await h.AdvanceAsync(id, version, reason, User, ct), "Gate.Moved", _ => RedirectToAction(nameof(Index), new { id }), () => RedirectToAction(nameof(Index), null, new { id }, "gate"));
}
