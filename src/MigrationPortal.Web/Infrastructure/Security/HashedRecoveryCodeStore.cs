using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>
/// Identity's EF user store, except that two-factor recovery codes are kept as salted password hashes (Identity's
/// <see cref="IPasswordHasher{TUser}"/>, PBKDF2) instead of as plain text: a recovery code has about 47 bits of entropy, so
/// ASVS 5.0 6.5.2 wants it stored like a password. Someone who reads the database cannot sign in with what it holds.
/// A code is compared without its hyphen and case, so "bcdfg-hjkmn" works for "BCDFG-HJKMN".
/// </summary>
public sealed class HashedRecoveryCodeStore(PortalDb db, IPasswordHasher<PortalUser> hasher, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, IdentityRole, PortalDb>(db, describer)
{
    private const string Name = "RecoveryCodeHashes";

    public override Task ReplaceCodesAsync(PortalUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SaveAsync(user, (recoveryCodes ?? throw new ArgumentNullException(nameof(recoveryCodes))).Select(c => hasher.HashPassword(user, Comparable(c))), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(PortalUser user, string code, CancellationToken cancellationToken)
    {
        var hashes = await HashesAsync(user, cancellationToken);
        var typed = Comparable(code);
        var match = typed.Length == 0 ? null : hashes.FirstOrDefault(h => hasher.VerifyHashedPassword(user, h, typed) != PasswordVerificationResult.Failed);
        if (match is null)
        {
            return false;
        }

        // Gone once used; UserManager saves the user row next, and its concurrency stamp stops a second redemption racing this one.
        await SaveAsync(user, hashes.Where(h => h != match), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(PortalUser user, CancellationToken cancellationToken) =>
        (await HashesAsync(user, cancellationToken)).Count;

    private static string Comparable(string? code) => AuthenticatorCodes.Normalize(code).ToUpperInvariant();

    private async Task<List<string>> HashesAsync(PortalUser user, CancellationToken ct) =>
        (await GetTokenAsync(user, PortalAuthenticatorTokenProvider.TokenStore, Name, ct) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();

    private Task SaveAsync(PortalUser user, IEnumerable<string> hashes, CancellationToken ct) =>
        SetTokenAsync(user, PortalAuthenticatorTokenProvider.TokenStore, Name, string.Join(';', hashes), ct);
}
