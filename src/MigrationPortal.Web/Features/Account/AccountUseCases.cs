using Microsoft.AspNetCore.Identity;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Account;

/// <summary>Signing in and out, and the forgotten-password link and reset: answers that never reveal who has an account.</summary>
public static class AccountUseCases
{
    public sealed class Handler(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, PasswordLinkSender sender)
    {
        /// <summary>Signs in; the result is the address asked for before signing in (the controller keeps only a local one).</summary>
        public async Task<Result<string>> SignInAsync(LoginForm form, bool valid)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(form);
            }

            var user = await users.FindByEmailAsync(form.Email);
            if (user is { IsActive: true })
            {
                var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    return form.ReturnUrl ?? string.Empty;
                }

                if (result.RequiresTwoFactor)
                {
                    // The password was right; the code from the app comes next, on its own page (TwoFactorController).
                    return TwoFactorLogin.StepUrl(form.ReturnUrl);
                }

                if (result.IsLockedOut)
                {
                    return Result.Invalid(form, new FieldError(string.Empty, "Account.LockedOut"));
                }
            }

            // One message for unknown user and wrong password, so the form does not reveal who has an account.
            return Result.Invalid(form, new FieldError(string.Empty, "Account.InvalidLogin"));
        }

        public Task SignOutAsync() => signIn.SignOutAsync();

        /// <summary>Sends the link to an active account; the answer is the same whether or not the address is known.</summary>
        public async Task<Result<bool>> SendResetLinkAsync(ForgotPasswordForm form, bool valid)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(form);
            }

            if (await users.FindByEmailAsync(form.Email) is { IsActive: true } user)
            {
                await sender.SendAsync(user, invitation: false);
            }

            return true;
        }

        /// <summary>Sets the new password with the token from the link, and lifts a lockout: the reset is the owner's way back in.</summary>
        public async Task<Result<bool>> ResetPasswordAsync(ResetPasswordForm form, bool valid)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(form);
            }

            if (await users.FindByEmailAsync(form.Email) is not { } user)
            {
                return Result.Invalid(form, new FieldError(string.Empty, "Identity.InvalidToken"));
            }

            var result = await users.ResetPasswordAsync(user, form.Token, form.Password);
            if (!result.Succeeded)
            {
                // Identity's messages are already in the user's language (LocalizedIdentityErrors): shown as they are.
                return Result.Invalid(form, result.Errors.Select(e => new FieldError(string.Empty, e.Description)));
            }

            await users.SetLockoutEndDateAsync(user, null);
            return true;
        }
    }
}
