using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Security;

namespace MigrationPortal.Web.Features.Account;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.Password")]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = string.Empty;
}

public sealed class ResetPasswordForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Account.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    public string Token { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "Account.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

[AllowAnonymous]
[Route("account")]
public sealed class AccountController(AccountUseCases.Handler h) : PortalController
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [EnableRateLimiting(SignInRateLimits.Policy)]
    public async Task<IActionResult> Login(LoginForm form) =>
        Saved(await h.SignInAsync(form, ModelState.IsValid), "Login", flashKey: null, LocalOrHome);

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await h.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(SignInRateLimits.Policy)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form) =>
        Saved(await h.SendResetLinkAsync(form, ModelState.IsValid), "ForgotPassword", flashKey: null, _ => View("ForgotPasswordSent"));

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? email, string? token) =>
        View(new ResetPasswordForm { Email = email ?? string.Empty, Token = token ?? string.Empty });

    [HttpPost("reset-password")]
    [EnableRateLimiting(SignInRateLimits.Policy)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form) =>
        Saved(await h.ResetPasswordAsync(form, ModelState.IsValid), "ResetPassword", "Account.PasswordChanged", _ => RedirectToAction(nameof(Login)));
}
