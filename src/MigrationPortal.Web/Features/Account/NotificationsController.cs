using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Account;

/// <summary>Every signed-in person's own e-mail choices.</summary>
[Authorize]
[Route("account/notifications")]
public sealed class NotificationsController(Notifications.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Notifications", await h.GetAsync(User, ct));

    [HttpPost("")]
    public async Task<IActionResult> Index(Notifications.NotificationsForm form, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), "Notifications", "Notifications.Saved", _ => RedirectToAction(nameof(Index)));
}
