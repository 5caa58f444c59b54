using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Upgrades;

/// <summary>The cloud centre's upgrade releases.</summary>
[Authorize(Policy = Policies.CloudCentre)]
[Route("upgrades")]
public sealed class UpgradesController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListReleases.Handler h, CancellationToken ct, int page = 1) =>
        View(await h.GetAsync(page, ct));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] SaveRelease.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(null, ct), "EditRelease");

    [HttpPost("new")]
    public async Task<IActionResult> New(SaveRelease.Form form, [FromServices] SaveRelease.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, ct), "EditRelease", "Upgrade.Saved", _ => RedirectToAction(nameof(Index)));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveRelease.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, ct), "EditRelease");

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(SaveRelease.Form form, [FromServices] SaveRelease.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, ct), "EditRelease", "Upgrade.Saved", _ => RedirectToAction(nameof(Index)));

    [HttpPost("{id:int}/done")]
    public async Task<IActionResult> Done(int id, int version, [FromServices] MarkReleaseDone.Handler h, CancellationToken ct) =>
        Done(await h.RunAsync(id, version, ct), "Upgrade.DoneFlash", _ => RedirectToAction(nameof(Index)), () => RedirectToAction(nameof(Index)));
}

/// <summary>A customer's upgrade notices and history; its contacts acknowledge here.</summary>
[Route("customers/{customerId:int}/upgrades")]
public sealed class CustomerUpgradesController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int customerId, [FromServices] CustomerUpgrades.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(customerId, User, ct), "CustomerUpgrades");

    [HttpPost("{releaseId:int}/acknowledge")]
    public async Task<IActionResult> Acknowledge(int customerId, int releaseId, [FromServices] CustomerUpgrades.Handler h, CancellationToken ct) =>
        Done(await h.AcknowledgeAsync(customerId, releaseId, User, ct), "Upgrade.AcknowledgedFlash",
            _ => RedirectToAction(nameof(Index), new { customerId }), () => RedirectToAction(nameof(Index), new { customerId }));
}
