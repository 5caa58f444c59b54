using Microsoft.AspNetCore.Identity;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Account;

/// <summary>Signing in and out, and the forgotten-password link and reset: answers that never reveal who has an account.</summary>
public static class AccountUseCases
{
    public sealed class Handler(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher, PasswordLinkSender sender, Infrastructure.Security.SecurityLog events)
    {
        /// <summary>Stands in for an account that does not exist when a password is checked for nothing.</summary>
        private static readonly PortalUser Nobody = new() { DisplayName = string.Empty };

        /// <summary>A hash of a random password, made once per process with the configured hasher (so it costs the same to check).</summary>
        private static string? nobodysHash;

        /// <summary>
        /// Signs in; the result is the address asked for before signing in (the controller keeps only a local one).
        /// Every failure gives the same page and message, and takes about as long: an unknown, deactivated or locked
        /// account has a password checked against a stand-in hash, as a known one has against its own.
        /// </summary>
        public async Task<Result<string>> SignInAsync(LoginForm form, bool valid)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(form);
            }

            var user = await users.FindByEmailAsync(form.Email);
            if (user is { IsActive: true } && !await users.IsLockedOutAsync(user))
            {
                var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    // Recorded as a security event by PortalSignInManager, as are a wrong password and the lockout it causes.
                    return form.ReturnUrl ?? string.Empty;
                }

                if (result.RequiresTwoFactor)
                {
                    // The password was right; the code from the app comes next, on its own page (TwoFactorController).
                    return TwoFactorLogin.StepUrl(form.ReturnUrl);
                }
            }
            else
            {
                // Refused without checking: an unknown, deactivated or locked account. The password is checked against a
                // stand-in all the same, so the answer takes as long.
                CheckAgainstNobody(form.Password);
                var why = user is null ? "unknown account" : !user.IsActive ? "inactive account" : "account locked";
                await events.RecordAsync(SecurityEventKind.LoginFailed, user?.Id, form.Email, why);
            }

            // One message for every failure, so the form does not reveal who has an account or whose is locked.
            return Result.Invalid(form, new FieldError(string.Empty, "Account.InvalidLogin"));
        }

        private void CheckAgainstNobody(string password)
        {
            nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, nobodysHash, password);
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

            // The reset is a security event (PortalUserManager.ResetPasswordAsync); it ends a lockout too.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
    }
}
