using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;

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
public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email);
        if (user is { IsActive: true })
        {
            var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
            }

            if (result.IsLockedOut)
            {
                ModelState.AddModelError(string.Empty, l["Account.LockedOut"]);
                return View(form);
            }
        }

        // One message for unknown user and wrong password, so the form does not reveal who has an account.
        ModelState.AddModelError(string.Empty, l["Account.InvalidLogin"]);
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, [FromServices] PasswordLinkSender sender)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (await users.FindByEmailAsync(form.Email) is { IsActive: true } user)
        {
            await sender.SendAsync(user, invitation: false);
        }

        // Same answer whether or not the address is known.
        return View("ForgotPasswordSent");
    }

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? email, string? token) =>
        View(new ResetPasswordForm { Email = email ?? string.Empty, Token = token ?? string.Empty });

    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email);
        var result = user is null
            ? IdentityResult.Failed(new LocalizedIdentityErrors(l).InvalidToken())
            : await users.ResetPasswordAsync(user, form.Token, form.Password);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user!, null);
            TempData["Flash"] = l["Account.PasswordChanged"].Value;
            return RedirectToAction(nameof(Login));
        }

        foreach (var e in result.Errors)
        {
            ModelState.AddModelError(string.Empty, e.Description);
        }

        return View(form);
    }
}
