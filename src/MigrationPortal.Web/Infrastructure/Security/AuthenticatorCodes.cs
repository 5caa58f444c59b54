using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>
/// Identity's authenticator-app provider (<see cref="AuthenticatorTokenProvider{TUser}"/>: the key from
/// <c>GetAuthenticatorKeyAsync</c>, RFC 6238 with six digits and 30-second steps, what every authenticator app makes),
/// with three changes to its check. It reads this app's <see cref="TimeProvider"/> instead of the machine's clock. It
/// accepts the step before and after the current one (Identity accepts two each way, 2½ minutes in all). And a code
/// works once (ASVS 5.0 6.5.1): the step last used is kept with the user, and that step or an older one is refused, so a
/// code seen over a shoulder or replayed from a log is worthless; two requests racing with one code meet the user row's
/// concurrency stamp, and one of them fails.
/// </summary>
public sealed class PortalAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<PortalUser>
{
    /// <summary>Where the last used step is kept (AspNetUserTokens), beside Identity's own "[AspNetUserStore]" rows.</summary>
    internal const string TokenStore = "[MigrationPortal]";

    internal const string LastStepName = "AuthenticatorLastStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (token is not { Length: AuthenticatorCodes.Digits } || !token.All(char.IsAsciiDigit)
            || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        var keyBytes = AuthenticatorCodes.FromBase32(key);
        var now = AuthenticatorCodes.Step(clock.GetUtcNow());
        var lastUsed = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenStore, LastStepName), CultureInfo.InvariantCulture, out var last) ? last : long.MinValue;
        for (var step = Math.Max(now - 1, lastUsed + 1); step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(AuthenticatorCodes.Code(keyBytes, step)), Encoding.ASCII.GetBytes(token)))
            {
                return (await manager.SetAuthenticationTokenAsync(user, TokenStore, LastStepName, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
            }
        }

        return false;
    }
}

/// <summary>RFC 6238 (TOTP) over RFC 4226 (HOTP), as authenticator apps compute it, and the base32 the key is written in.</summary>
public static class AuthenticatorCodes
{
    public const int Digits = 6;

    private const int StepSeconds = 30;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The number of the 30-second step <paramref name="at"/> falls in.</summary>
    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The six-digit code of one step.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "RFC 6238's default and what authenticator apps compute; HMAC-SHA1 is not weakened by SHA-1's collisions.")]
    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key's bytes from its base32 text (RFC 4648; spaces, padding and case ignored).</summary>
    public static byte[] FromBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }

    /// <summary>The key in groups of four, as a person types it into an app.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', (key ?? throw new ArgumentNullException(nameof(key))).ToLowerInvariant().Chunk(4).Select(g => new string(g)));

    /// <summary>What a person typed, without the spaces and hyphens apps show inside codes ("123 456", "ABCDE-FGHIJ").</summary>
    public static string Normalize(string? typed) =>
        new([.. (typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-')]);
}
