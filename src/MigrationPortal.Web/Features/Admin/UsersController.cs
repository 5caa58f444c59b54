using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/users")]
public sealed class UsersController(Users.Handler h, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await h.ListAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => View("Edit", await h.GetAsync(null, ct));

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> New(Users.UserForm form, [FromServices] PasswordLinkSender sender, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, sender, ct);
    }

    [HttpPost("{id}")]
    public Task<IActionResult> Edit(string id, Users.UserForm form, [FromServices] PasswordLinkSender sender, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, sender, ct);
    }

    [HttpPost("{id}/send-reset")]
    public async Task<IActionResult> SendReset(string id, [FromServices] UserManager<PortalUser> userManager, [FromServices] PasswordLinkSender sender)
    {
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        await sender.SendAsync(user, invitation: false);
        TempData["Flash"] = l["User.ResetSent", user.Email ?? string.Empty].Value;
        return Redirect("/admin/users");
    }

    private async Task<IActionResult> SaveAsync(Users.UserForm form, PasswordLinkSender sender, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (user, created, errors) = await h.SaveAsync(form, l, ct);
            if (user is not null && errors.Count == 0)
            {
                if (created)
                {
                    await sender.SendAsync(user, invitation: true);
                }

                TempData["Flash"] = (created ? l["User.Invited", user.Email ?? string.Empty] : l["User.Saved"]).Value;
                return Redirect("/admin/users");
            }

            if (user is null && errors.Count == 0)
            {
                return NotFound();
            }

            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return View("Edit", await h.PageAsync(form, ct));
    }
}
