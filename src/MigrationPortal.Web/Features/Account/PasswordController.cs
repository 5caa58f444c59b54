using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Security;

namespace MigrationPortal.Web.Features.Account;

/// <summary>Every signed-in person's own password (the anonymous sign-in pages are on <see cref="AccountController"/>).</summary>
[Authorize]
[Route("account/password")]
public sealed class PasswordController(ChangePassword.Handler h) : PortalController
{
    [HttpGet("")]
    public IActionResult Change() => View("ChangePassword", new ChangePassword.ChangePasswordForm());

    [HttpPost("")]
    [EnableRateLimiting(SignInRateLimits.Policy)]
    public async Task<IActionResult> Change(ChangePassword.ChangePasswordForm form) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User), "ChangePassword", "Account.PasswordChangedHere", _ => RedirectToAction("Index", "Home"));
}
