using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Queue;

[Authorize(Policy = Policies.Staff)]
[Route("queue")]
public sealed class QueueController(CloudQueueBoard.Handler h, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await h.GetAsync(ct));

    [HttpPost("{entryId:int}/move")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Move(int entryId, CloudQueueBoard.MoveForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Redirect("/queue");
        }

        switch (await h.MoveAsync(entryId, form, ct))
        {
            case null:
                return NotFound();
            case false:
                TempData["Error"] = l["Common.Conflict"].Value;
                return Redirect("/queue");
            default:
                TempData["Flash"] = l["Queue.Moved"].Value;
                return Redirect("/queue");
        }
    }

    [HttpPost("{entryId:int}/start")]
    [Authorize(Policy = Policies.StepEditor)]
    public async Task<IActionResult> Start(int entryId, int version, CancellationToken ct)
    {
        switch (await h.StartAsync(entryId, version, ct))
        {
            case null:
                return NotFound();
            case false:
                TempData["Error"] = l["Common.Conflict"].Value;
                break;
            default:
                TempData["Flash"] = l["Queue.Started"].Value;
                break;
        }

        return Redirect("/queue");
    }

    [HttpPost("capacity")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Capacity(CloudQueueBoard.CapacityForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Error"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }
        else
        {
            var saved = await h.SetCapacityAsync(form, ct);
            TempData[saved ? "Flash" : "Error"] = (saved ? l["Queue.CapacitySaved"] : l["Common.Conflict"]).Value;
        }

        return Redirect("/queue");
    }
}
