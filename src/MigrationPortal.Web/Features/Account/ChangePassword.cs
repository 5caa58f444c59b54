using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Account;

/// <summary>A signed-in person changes their own password: the current one, then the new one twice. Other sessions end.</summary>
public static class ChangePassword
{
    public sealed class ChangePasswordForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.CurrentPassword")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "Validation.PasswordLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.NewPassword")]
        public string NewPassword { get; set; } = string.Empty;

        [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Handler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
    {
        public async Task<Result<bool>> SaveAsync(ChangePasswordForm form, bool valid, ClaimsPrincipal principal)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(form);
            }

            if (await users.GetUserAsync(principal) is not { IsActive: true } user)
            {
                return Result.Forbidden;
            }

            // Identity checks the current password, then runs every password validator (length, common, personal).
            var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
            if (!result.Succeeded)
            {
                // Identity's messages are already in the user's language (LocalizedIdentityErrors, PortalPasswordValidator).
                return Result.Invalid(form, result.Errors.Select(e => new FieldError(
                    e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword), e.Description)));
            }

            // The security event is recorded by PortalUserManager.ChangePasswordAsync. The new security stamp ends every
            // session of the user at once, this one too (ServerSessionStore; ChangePasswordAsync renewed it already, this is
            // the one place that says so) ...
            await users.UpdateSecurityStampAsync(user);

            // ... so this device is signed in anew, in a session that holds the new stamp.
            await signIn.SignInAsync(user, isPersistent: false);
            return true;
        }
    }
}
