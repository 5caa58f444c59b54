using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MigrationPortal.Web.Infrastructure;

/// <summary>Identity's messages (password too short, e-mail taken ...) in the user's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError E(string code, params object[] args) => new() { Code = code, Description = l["Identity." + code, args] };

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), length);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), email);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), userName);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), email ?? string.Empty);
    public override IdentityError InvalidToken() => E(nameof(InvalidToken));
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch));
    public override IdentityError DefaultError() => E(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure));
}
