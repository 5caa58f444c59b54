using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Security;

namespace MigrationPortal.Web.Features.Account;

/// <summary>Two-factor sign-in: the login's second step, and each person's own settings (<c>/account/security</c>).</summary>
[Authorize]
public sealed class TwoFactorController(TwoFactorLogin.Handler login, TwoFactorSettings.Handler settings) : PortalController
{
    [AllowAnonymous]
    [HttpGet("/account/two-factor")]
    public async Task<IActionResult> Code(string? returnUrl) =>
        Page(await login.StartAsync(new TwoFactorLogin.CodeForm { ReturnUrl = returnUrl }), "TwoFactorCode", _ => RedirectToAction(nameof(AccountController.Login), "Account", new { returnUrl }));

    [AllowAnonymous]
    [EnableRateLimiting(SignInRateLimits.Policy)]
    [HttpPost("/account/two-factor")]
    public async Task<IActionResult> Code(TwoFactorLogin.CodeForm form) =>
        Saved(await login.SignInAsync(form, ModelState.IsValid), "TwoFactorCode", flashKey: null, LocalOrHome);

    [AllowAnonymous]
    [HttpGet("/account/two-factor/recovery")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl) =>
        Page(await login.StartAsync(new TwoFactorLogin.RecoveryForm { ReturnUrl = returnUrl }), "TwoFactorRecovery", _ => RedirectToAction(nameof(AccountController.Login), "Account", new { returnUrl }));

    [AllowAnonymous]
    [EnableRateLimiting(SignInRateLimits.Policy)]
    [HttpPost("/account/two-factor/recovery")]
    public async Task<IActionResult> RecoveryCode(TwoFactorLogin.RecoveryForm form) =>
        Saved(await login.SignInWithRecoveryCodeAsync(form, ModelState.IsValid), "TwoFactorRecovery", flashKey: null, LocalOrHome);

    [HttpGet("/account/security")]
    public async Task<IActionResult> Index() => Page(await settings.StatusAsync(User), "TwoFactor");

    [HttpGet("/account/security/authenticator")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Enable() =>
        Page(await settings.EnablePageAsync(User), "TwoFactorEnable", reason => RedirectWithError(reason, RedirectToAction(nameof(Index))));

    [HttpPost("/account/security/authenticator")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Enable(TwoFactorSettings.EnableForm form) =>
        Saved(await settings.EnableAsync(form, ModelState.IsValid, User), "TwoFactorEnable", "TwoFactor.Enabled", codes => View("TwoFactorRecoveryCodes", codes),
            reason => RedirectWithError(reason, RedirectToAction(nameof(Index))));

    [HttpGet("/account/security/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes() =>
        Page(await settings.ConfirmPageAsync(TwoFactorSettings.Confirmation.NewRecoveryCodes, User), "TwoFactorConfirm", reason => RedirectWithError(reason, RedirectToAction(nameof(Index))));

    [HttpPost("/account/security/recovery-codes")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> NewRecoveryCodes(TwoFactorSettings.ConfirmForm form) =>
        Saved(await settings.NewRecoveryCodesAsync(form, User), "TwoFactorConfirm", "TwoFactor.NewCodesMade", codes => View("TwoFactorRecoveryCodes", codes),
            reason => RedirectWithError(reason, RedirectToAction(nameof(Index))));

    [HttpGet("/account/security/disable")]
    public async Task<IActionResult> Disable() =>
        Page(await settings.ConfirmPageAsync(TwoFactorSettings.Confirmation.Disable, User), "TwoFactorConfirm", reason => RedirectWithError(reason, RedirectToAction(nameof(Index))));

    [HttpPost("/account/security/disable")]
    public async Task<IActionResult> Disable(TwoFactorSettings.ConfirmForm form) =>
        Saved(await settings.DisableAsync(form, User), "TwoFactorConfirm", "TwoFactor.Disabled", _ => RedirectToAction(nameof(Index)),
            reason => RedirectWithError(reason, RedirectToAction(nameof(Index))));

    [HttpPost("/account/security/forget-browser")]
    public async Task<IActionResult> ForgetBrowser() =>
        Done(await settings.ForgetBrowserAsync(), "TwoFactor.BrowserForgotten", _ => RedirectToAction(nameof(Index)), () => RedirectToAction(nameof(Index)));
}
