using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Events;

/// <summary>The cloud centre's events: create, invite, see and export the registrations.</summary>
[Authorize(Policy = Policies.CloudCentre)]
[Route("events")]
public sealed class EventsController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ShowEvents.Handler h, CancellationToken ct) =>
        View(await h.AllAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] SaveEvent.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(null, ct), "EditEvent");

    [HttpPost("new")]
    public async Task<IActionResult> New(SaveEvent.Form form, [FromServices] SaveEvent.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, ct), "EditEvent", "Event.Saved", id => RedirectToAction(nameof(Registrations), new { id }));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveEvent.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, ct), "EditEvent");

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(SaveEvent.Form form, [FromServices] SaveEvent.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, ct), "EditEvent", "Event.Saved", id => RedirectToAction(nameof(Registrations), new { id }));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Registrations(int id, [FromServices] ShowEvents.Handler h, CancellationToken ct) =>
        Page(await h.RegistrationsAsync(id, ct));

    [HttpGet("{id:int}/registrations.csv")]
    public async Task<IActionResult> Csv(int id, [FromServices] ShowEvents.Handler h, [FromServices] IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await h.RegistrationsAsync(id, ct) is { IsOk: true, Value: { } view }
            ? File(ShowEvents.Csv(view, k => l[k].Value), "text/csv; charset=utf-8", $"registrations-{id}.csv")
            : NotFound();
}

/// <summary>Events for customers' contacts: those their organisation is invited to; register and cancel.</summary>
[Authorize(Policy = Policies.CustomerUser)]
[Route("my/events")]
public sealed class MyEventsController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ShowEvents.Handler h, CancellationToken ct) =>
        View("MyEvents", await h.MineAsync(User, ct));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] ShowEvents.Handler h, CancellationToken ct) =>
        Page(await h.OneAsync(id, User, ct), "MyEvent");

    [HttpPost("{id:int}/register")]
    public async Task<IActionResult> Register(int id, [FromServices] Registrations.Handler h, CancellationToken ct) =>
        Done(await h.RegisterAsync(id, User, ct), null, status => Flashed("Event.Flash." + status, id), () => RedirectToAction(nameof(Show), new { id }));

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, [FromServices] Registrations.Handler h, CancellationToken ct) =>
        Done(await h.CancelAsync(id, User, ct), "Event.Flash.Cancelled", _ => RedirectToAction(nameof(Show), new { id }), () => RedirectToAction(nameof(Show), new { id }));

    private RedirectToActionResult Flashed(string key, int id)
    {
        Flash(key);
        return RedirectToAction(nameof(Show), new { id });
    }
}
