using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>
/// The passwords attackers try first, shipped with the app (an embedded copy of <c>common-passwords.txt</c>, made by
/// <c>scripts/gen-common-passwords.py</c>), compared case-insensitively. Loaded once, on first use.
/// </summary>
public sealed class CommonPasswords
{
    private const string Resource = "MigrationPortal.CommonPasswords";

    private readonly Lazy<FrozenSet<string>> list = new(Load);

    public int Count => list.Value.Count;

    public bool Contains(string password) => list.Value.Contains(password);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>
/// ASVS 6.2: beside Identity's length rule (12 characters, no composition rules), a password may not be one of the
/// <see cref="CommonPasswords"/> nor contain the person's name or the local part of their e-mail address. Identity runs
/// every password validator on every path that sets a password: reset, invitation, change, users made by code.
/// </summary>
public sealed class PortalPasswordValidator(CommonPasswords common, IStringLocalizer<SharedResource> l) : IPasswordValidator<PortalUser>
{
    /// <summary>Shorter parts of a name (Per, Åse) would refuse too many good passwords; they are caught as the whole name.</summary>
    private const int ShortestPart = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own validator answers an empty password.
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (common.Contains(password) || common.Contains(password.Trim()))
        {
            errors.Add(Error("PasswordCommon"));
        }

        var letters = LettersAndDigits(password);
        if (PersonalParts(user).Any(part => letters.Contains(part, StringComparison.Ordinal)))
        {
            errors.Add(Error("PasswordPersonal"));
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>The person's name and e-mail local part, whole and word by word, as lower-case letters and digits.</summary>
    public static IEnumerable<string> PersonalParts(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var local = (user.Email ?? user.UserName ?? string.Empty).Split('@')[0];
        foreach (var text in new[] { user.DisplayName ?? string.Empty, local })
        {
            var whole = LettersAndDigits(text);
            if (whole.Length >= ShortestPart)
            {
                yield return whole;
            }

            foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).SelectMany(w => w.Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries)))
            {
                var part = LettersAndDigits(word);
                if (part.Length >= ShortestPart)
                {
                    yield return part;
                }
            }
        }
    }

    private static string LettersAndDigits(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    private IdentityError Error(string code) => new() { Code = code, Description = l["Identity." + code] };
}
