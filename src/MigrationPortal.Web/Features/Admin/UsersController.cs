using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/users")]
public sealed class UsersController(Users.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page, CancellationToken ct) => View(await h.ListAsync(q, ModelState.IsValid ? page : 1, ct));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => Page(await h.GetAsync(null, ct), "Edit");

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct) => Page(await h.GetAsync(id, ct), "Edit");

    [HttpPost("new")]
    public async Task<IActionResult> New(Users.UserForm form, CancellationToken ct) => SavedUser(await h.SaveAsync(form, ModelState.IsValid, ct));

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(Users.UserForm form, CancellationToken ct) => SavedUser(await h.SaveAsync(form, ModelState.IsValid, ct));

    [HttpPost("{id}/send-reset")]
    public async Task<IActionResult> SendReset(string id, [FromServices] UserManager<PortalUser> userManager, [FromServices] PasswordLinkSender sender)
    {
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        await sender.SendAsync(user, invitation: false);
        Flash("User.ResetSent", user.Email ?? string.Empty);
        return RedirectToAction(nameof(Index));
    }

    private IActionResult SavedUser(Result<Users.Saved> result) =>
        Saved(result, "Edit", flashKey: null, saved =>
        {
            Flash(saved.Created ? "User.Invited" : "User.Saved", saved.Email);
            return RedirectToAction(nameof(Index));
        });
}
