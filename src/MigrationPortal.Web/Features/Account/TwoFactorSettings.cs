using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Results;
using MigrationPortal.Web.Infrastructure.Security;
using QRCoder;

namespace MigrationPortal.Web.Features.Account;

/// <summary>
/// A signed-in person's own two-factor sign-in: set up an authenticator app (QR code or the key typed in), see how many
/// recovery codes are left and make new ones, forget this browser, turn it off. Everyone may turn it on; vendor staff
/// must when <see cref="TwoFactorOptions.RequireTwoFactorForStaff"/> is on. New recovery codes and turning it off ask
/// for the password or a code again, so an unattended session cannot take the second factor over.
/// </summary>
public static class TwoFactorSettings
{
    /// <summary>How many recovery codes a person gets each time.</summary>
    public const int RecoveryCodeCount = 10;

    public sealed record Status(bool Enabled, bool Required, int RecoveryCodesLeft, bool BrowserRemembered);

    public sealed class EnableForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "TwoFactor.Code")]
        public string Code { get; set; } = string.Empty;

        /// <summary>Changing how one signs in asks for the password again (ASVS 5.0 7.5.1), also when turning this on.</summary>
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string Password { get; set; } = string.Empty;
    }

    /// <summary>The set-up page: the key as a QR code (a PNG in a data: URL, made here, no outside service) and as text.</summary>
    public sealed record EnablePage(EnableForm Form, string GroupedKey, string QrCodeDataUri, bool Required) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes)
    {
        /// <summary>The codes as a text file, one a line, for the download link.</summary>
        public string DownloadUri => "data:text/plain;charset=utf-8," + Uri.EscapeDataString(string.Join("\r\n", Codes) + "\r\n");
    }

    /// <summary>What the person confirms with their password or a code.</summary>
    public enum Confirmation
    {
        NewRecoveryCodes,
        Disable,
    }

    public sealed class ConfirmForm
    {
        [DataType(DataType.Password)]
        [Display(Name = "Account.Password")]
        public string? Password { get; set; }

        [Display(Name = "TwoFactor.Code")]
        public string? Code { get; set; }
    }

    public sealed record ConfirmPage(ConfirmForm Form, Confirmation Purpose) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IOptions<TwoFactorOptions> options, IOptions<VendorOptions> vendor)
    {
        public async Task<Result<Status>> StatusAsync(ClaimsPrincipal principal)
        {
            if (await users.GetUserAsync(principal) is not { } user)
            {
                return Result.Forbidden;
            }

            var enabled = await users.GetTwoFactorEnabledAsync(user);
            return new Status(enabled, IsRequired(user), enabled ? await users.CountRecoveryCodesAsync(user) : 0, enabled && await signIn.IsTwoFactorClientRememberedAsync(user));
        }

        /// <summary>The set-up page. The key is made the first time and kept until set-up succeeds; it is never shown once two-factor is on.</summary>
        public async Task<Result<EnablePage>> EnablePageAsync(ClaimsPrincipal principal, EnableForm? form = null)
        {
            if (await users.GetUserAsync(principal) is not { } user)
            {
                return Result.Forbidden;
            }

            if (await users.GetTwoFactorEnabledAsync(user))
            {
                return Result.Refused("TwoFactor.AlreadyOn");
            }

            if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            {
                await users.ResetAuthenticatorKeyAsync(user);

                // The reset renews the security stamp: renew this session's cookie too, or it would be signed out.
                await signIn.RefreshSignInAsync(user);
            }

            var key = (await users.GetAuthenticatorKeyAsync(user))!;
            var png = PngByteQRCodeHelper.GetQRCode(OtpAuthUri(user, key), QRCodeGenerator.ECCLevel.M, 6);
            return new EnablePage(form ?? new EnableForm(), AuthenticatorCodes.Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png), IsRequired(user));
        }

        /// <summary>Turns two-factor sign-in on with the password and a first code from the app; the result is the first recovery codes.</summary>
        public async Task<Result<RecoveryCodesPage>> EnableAsync(EnableForm form, bool valid, ClaimsPrincipal principal)
        {
            ArgumentNullException.ThrowIfNull(form);
            var page = await EnablePageAsync(principal, form);
            if (!page.IsOk)
            {
                return page.Cast<RecoveryCodesPage>();
            }

            if (!valid)
            {
                return Result.Invalid(page.Value!);
            }

            var user = (await users.GetUserAsync(principal))!;
            if (await users.IsLockedOutAsync(user))
            {
                return Result.Invalid(page.Value!, new FieldError(string.Empty, "Account.LockedOut"));
            }

            if (!(await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true)).Succeeded)
            {
                return Result.Invalid(page.Value!, new FieldError(nameof(EnableForm.Password), "TwoFactor.PasswordWrong"));
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCodes.Normalize(form.Code)))
            {
                return Result.Invalid(page.Value!, new FieldError(nameof(EnableForm.Code), "TwoFactor.WrongCode"));
            }

            // Security event: two-factor sign-in turned ON for this user (the audit log of security events hooks in here).
            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
            await signIn.RefreshSignInAsync(user);
            return new RecoveryCodesPage([.. codes ?? []]);
        }

        /// <summary>The confirmation page; only for someone with two-factor sign-in on.</summary>
        public async Task<Result<ConfirmPage>> ConfirmPageAsync(Confirmation purpose, ClaimsPrincipal principal, ConfirmForm? form = null)
        {
            if (await users.GetUserAsync(principal) is not { } user)
            {
                return Result.Forbidden;
            }

            return await users.GetTwoFactorEnabledAsync(user) ? new ConfirmPage(form ?? new ConfirmForm(), purpose) : Result.Refused("TwoFactor.NotOn");
        }

        /// <summary>New recovery codes in place of the old ones, all of which stop working.</summary>
        public async Task<Result<RecoveryCodesPage>> NewRecoveryCodesAsync(ConfirmForm form, ClaimsPrincipal principal)
        {
            var confirmed = await ConfirmAsync(Confirmation.NewRecoveryCodes, form, principal);
            if (!confirmed.IsOk)
            {
                return confirmed.Cast<RecoveryCodesPage>();
            }

            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(confirmed.Value!, RecoveryCodeCount);
            return new RecoveryCodesPage([.. codes ?? []]);
        }

        /// <summary>
        /// Turns two-factor sign-in off: the key is replaced (the app's codes stop working), remembered browsers are
        /// forgotten. Staff who must use it are sent straight back to set it up, with a new key.
        /// </summary>
        public async Task<Result<bool>> DisableAsync(ConfirmForm form, ClaimsPrincipal principal)
        {
            var confirmed = await ConfirmAsync(Confirmation.Disable, form, principal);
            if (!confirmed.IsOk)
            {
                return confirmed.Cast<bool>();
            }

            var user = confirmed.Value!;

            // Security event: two-factor sign-in turned OFF for this user (the audit log of security events hooks in here).
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.ForgetTwoFactorClientAsync();
            await signIn.RefreshSignInAsync(user);
            return true;
        }

        public async Task<Result<bool>> ForgetBrowserAsync()
        {
            await signIn.ForgetTwoFactorClientAsync();
            return true;
        }

        /// <summary>
        /// The user, if the password or a code from the app is right. Failures count towards the lockout, as at sign-in,
        /// so the confirmation cannot be used to guess the password.
        /// </summary>
        private async Task<Result<PortalUser>> ConfirmAsync(Confirmation purpose, ConfirmForm form, ClaimsPrincipal principal)
        {
            ArgumentNullException.ThrowIfNull(form);
            var page = await ConfirmPageAsync(purpose, principal, form);
            if (!page.IsOk)
            {
                return page.Cast<PortalUser>();
            }

            var user = (await users.GetUserAsync(principal))!;
            var code = AuthenticatorCodes.Normalize(form.Code);
            if (string.IsNullOrEmpty(form.Password) && code.Length == 0)
            {
                return Result.Invalid(page.Value!, new FieldError(string.Empty, "TwoFactor.ConfirmMissing"));
            }

            if (await users.IsLockedOutAsync(user))
            {
                return Result.Invalid(page.Value!, new FieldError(string.Empty, "Account.LockedOut"));
            }

            var right = !string.IsNullOrEmpty(form.Password)
                ? (await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true)).Succeeded
                : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
            if (!right)
            {
                if (string.IsNullOrEmpty(form.Password))
                {
                    await users.AccessFailedAsync(user);
                }

                return Result.Invalid(page.Value!, new FieldError(string.Empty, "TwoFactor.ConfirmWrong"));
            }

            return user;
        }

        private bool IsRequired(PortalUser user) => options.Value.RequireTwoFactorForStaff && user.CustomerId is null;

        /// <summary>The otpauth URI authenticator apps read from the QR code (Key Uri Format: issuer, account, base32 secret).</summary>
        private string OtpAuthUri(PortalUser user, string key)
        {
            var issuer = Uri.EscapeDataString($"MigrationPortal ({vendor.Value.Name})");
            return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? string.Empty)}?secret={key}&issuer={issuer}&digits={AuthenticatorCodes.Digits}";
        }
    }
}
