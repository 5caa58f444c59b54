using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Results;
using MigrationPortal.Web.Infrastructure.Security;

namespace MigrationPortal.Web.Features.Account;

/// <summary>
/// The second step of signing in, after a right password for a user with two-factor sign-in: a code from the
/// authenticator app, or one of the recovery codes. Identity keeps who is half-way in a short-lived cookie of its own
/// (five minutes). Wrong codes count towards the same lockout as wrong passwords; the login's rate limit should cover
/// these two posts as well.
/// </summary>
public static class TwoFactorLogin
{
    /// <summary>Where the login sends a user whose password was right and who has two-factor sign-in.</summary>
    public static string StepUrl(string? returnUrl) =>
        "/account/two-factor" + (string.IsNullOrEmpty(returnUrl) ? string.Empty : QueryString.Create("returnUrl", returnUrl).ToUriComponent());

    public sealed class CodeForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "TwoFactor.Code")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "TwoFactor.RememberBrowser")]
        public bool RememberBrowser { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public sealed class RecoveryForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "TwoFactor.RecoveryCode")]
        public string RecoveryCode { get; set; } = string.Empty;

        public string? ReturnUrl { get; set; }
    }

    public sealed class Handler(SignInManager<PortalUser> signIn, UserManager<PortalUser> users)
    {
        /// <summary>The form, while someone is half-way in; otherwise refused (the controller sends them to the login).</summary>
        public async Task<Result<T>> StartAsync<T>(T form)
        {
            if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            {
                return Result.Refused("TwoFactor.Expired");
            }

            return form;
        }

        /// <summary>Signs in with the app's code; the result is the address asked for before signing in.</summary>
        public async Task<Result<string>> SignInAsync(CodeForm form, bool valid)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(form);
            }

            if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { IsActive: true })
            {
                return Result.Invalid(form, new FieldError(string.Empty, "TwoFactor.Expired"));
            }

            var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorCodes.Normalize(form.Code), isPersistent: false, rememberClient: form.RememberBrowser);
            return Outcome(result, form, new FieldError(nameof(CodeForm.Code), "TwoFactor.WrongCode"), form.ReturnUrl);
        }

        /// <summary>Signs in with a recovery code, which is then used up. Identity does not count these failures; this does.</summary>
        public async Task<Result<string>> SignInWithRecoveryCodeAsync(RecoveryForm form, bool valid)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(form);
            }

            if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { IsActive: true } user)
            {
                return Result.Invalid(form, new FieldError(string.Empty, "TwoFactor.Expired"));
            }

            if (await users.IsLockedOutAsync(user))
            {
                return Result.Invalid(form, new FieldError(string.Empty, "Account.LockedOut"));
            }

            var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode);
            if (!result.Succeeded)
            {
                await users.AccessFailedAsync(user);
                result = await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
            }

            return Outcome(result, form, new FieldError(nameof(RecoveryForm.RecoveryCode), "TwoFactor.WrongRecoveryCode"), form.ReturnUrl);
        }

        private static Result<string> Outcome(SignInResult result, object form, FieldError wrong, string? returnUrl)
        {
            if (result.Succeeded)
            {
                return returnUrl ?? string.Empty;
            }

            return result.IsLockedOut
                ? Result.Invalid(form, new FieldError(string.Empty, "Account.LockedOut"))
                : Result.Invalid(form, wrong);
        }
    }
}
