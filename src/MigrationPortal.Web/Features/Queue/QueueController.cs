using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Queue;

[Authorize(Policy = Policies.Staff)]
[Route("queue")]
public sealed class QueueController(CloudQueueBoard.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int page, CancellationToken ct) => View(await h.GetAsync(page, ct));

    [HttpPost("{entryId:int}/move")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Move(int entryId, CloudQueueBoard.MoveForm form, CancellationToken ct) =>
        ModelState.IsValid
            ? Done(await h.MoveAsync(entryId, form, ct), "Queue.Moved", place => RedirectToAction(nameof(Index), new { page = CloudQueueBoard.PageOf(place) }), () => RedirectToAction(nameof(Index)))
            : BackWithModelErrors();

    [HttpPost("{entryId:int}/start")]
    [Authorize(Policy = Policies.StepEditor)]
    public async Task<IActionResult> Start(int entryId, int version, CancellationToken ct) => Back(await h.StartAsync(entryId, version, ct), "Queue.Started");

    [HttpPost("capacity")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Capacity(CloudQueueBoard.CapacityForm form, CancellationToken ct) =>
        ModelState.IsValid ? Back(await h.SetCapacityAsync(form, ct), "Queue.CapacitySaved") : BackWithModelErrors();

    private IActionResult Back(Result<int> result, string flashKey) => Done(result, flashKey, _ => RedirectToAction(nameof(Index)), () => RedirectToAction(nameof(Index)));

    /// <summary>The queue has no form page of its own: the messages go above the queue.</summary>
    private RedirectToActionResult BackWithModelErrors()
    {
        TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return RedirectToAction(nameof(Index));
    }
}
