using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.GoLive;

[Route("projects/{id:int}/golive")]
public sealed class GoLiveController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, [FromServices] RunGoLive.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpGet("cutover")]
    public async Task<IActionResult> Cutover(int id, [FromServices] RunGoLive.Handler h, CancellationToken ct) =>
        Page(await h.GetCutoverAsync(id, User, ct));

    [HttpPost("cutover")]
    public async Task<IActionResult> Cutover(RunGoLive.CutoverForm form, [FromServices] RunGoLive.Handler h, CancellationToken ct) =>
        Saved(await h.SaveCutoverAsync(form, ModelState.IsValid, User, ct), nameof(Cutover), "GoLive.CutoverSaved", id => RedirectToAction(nameof(Index), new { id }));

    [HttpPost("production")]
    public async Task<IActionResult> Production(int id, int version, DateOnly? day, [FromServices] RunGoLive.Handler h, CancellationToken ct) =>
        Done(await h.RecordProductionAsync(id, version, day, User, ct), "GoLive.ProductionSaved", _ => Back(id), () => Back(id));

    [HttpPost("followup")]
    public async Task<IActionResult> FollowUp(int id, int version, int? weeks, [FromServices] RunGoLive.Handler h, CancellationToken ct) =>
        Done(await h.SetFollowUpAsync(id, version, weeks, User, ct), "GoLive.FollowUpSaved", _ => Back(id), () => Back(id));

    [HttpPost("handover/request")]
    public async Task<IActionResult> RequestHandover(int id, int version, [DataType(DataType.MultilineText)] string? reason, [FromServices] RunGoLive.Handler h, CancellationToken ct) =>
        Done(await h.RequestHandoverAsync(id, version, reason, User, ct), "GoLive.HandoverRequested", _ => Back(id), () => Back(id));

    [HttpPost("handover/accept")]
    public async Task<IActionResult> AcceptHandover(int id, int version, [FromServices] RunGoLive.Handler h, CancellationToken ct) =>
        Done(await h.AcceptHandoverAsync(id, version, User, ct), "GoLive.HandoverAccepted", _ => Back(id), () => Back(id));

    private RedirectToActionResult Back(int id) => RedirectToAction(nameof(Index), new { id });
}
