using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>
/// Identity's user manager with a lockout that slows a guesser down more each time, on the portal's clock.
/// Every <see cref="LockoutOptions.MaxFailedAccessAttempts"/>th failure in a row locks the account, first for
/// <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>, then twice as long each time, never longer than
/// <see cref="LongestLockout"/>: nobody can lock an account for good, and the owner is never stuck, because the
/// reset link works while the account is locked and a reset ends the lockout (as does a successful sign-in after it).
/// The failure count is not cleared by a lockout, only by a successful sign-in or a reset, so it remembers how many
/// lockouts came before. Password and two-factor changes are security events, whichever page makes them.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    TimeProvider clock)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private readonly IServiceProvider services = services;

    private SecurityLog Events => services.GetRequiredService<SecurityLog>();

    /// <summary>The longest a run of failures locks an account.</summary>
    public static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);

    private IUserLockoutStore<PortalUser> LockoutStore =>
        Store as IUserLockoutStore<PortalUser> ?? throw new NotSupportedException("The user store does not support lockout.");

    /// <summary>How long the <paramref name="lockout"/>th lockout in a row lasts (1, 2, 3 ...): doubling from the first, up to <see cref="LongestLockout"/>.</summary>
    public static TimeSpan LockoutDuration(TimeSpan first, int lockout) =>
        TimeSpan.FromTicks(Math.Min(LongestLockout.Ticks, first.Ticks * (1L << Math.Clamp(lockout - 1, 0, 20))));

    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var failures = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        var perLockout = Options.Lockout.MaxFailedAccessAttempts;
        if (failures >= perLockout && failures % perLockout == 0)
        {
            // The lockout's security event is recorded by PortalSignInManager, which sees the sign-in it ends.
            await LockoutStore.SetLockoutEndDateAsync(user, clock.GetUtcNow() + LockoutDuration(Options.Lockout.DefaultLockoutTimeSpan, failures / perLockout), CancellationToken);
        }

        return await UpdateUserAsync(user);
    }

    /// <summary>Locked out by the portal's clock (Identity's own check reads the machine's).</summary>
    public override async Task<bool> IsLockedOutAsync(PortalUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        return await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken)
            && await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) is { } end
            && end > clock.GetUtcNow();
    }

    public override async Task<IdentityResult> ChangePasswordAsync(PortalUser user, string currentPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            await Events.RecordAsync(SecurityEventKind.PasswordChanged, user.Id, user.Email);
        }

        return result;
    }

    public override async Task<IdentityResult> ResetPasswordAsync(PortalUser user, string token, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await Events.RecordAsync(SecurityEventKind.PasswordReset, user.Id, user.Email);
        }

        return result;
    }

    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(PortalUser user, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.SetTwoFactorEnabledAsync(user, enabled);
        if (result.Succeeded)
        {
            await Events.RecordAsync(enabled ? SecurityEventKind.TwoFactorEnabled : SecurityEventKind.TwoFactorDisabled, user.Id, user.Email);
        }

        return result;
    }

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(PortalUser user, int number)
    {
        ArgumentNullException.ThrowIfNull(user);
        var codes = await base.GenerateNewTwoFactorRecoveryCodesAsync(user, number);
        await Events.RecordAsync(SecurityEventKind.RecoveryCodesGenerated, user.Id, user.Email, $"{number} codes");
        return codes;
    }
}
