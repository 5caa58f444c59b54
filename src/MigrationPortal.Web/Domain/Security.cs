namespace MigrationPortal.Web.Domain;

/// <summary>
/// A signed-in session, held on the server: the cookie carries only its key. Logging out deletes it (every copy of the
/// cookie stops working at once); a changed security stamp (password, deactivation, roles, two-factor) ends every session
/// of the user; idle and absolute lifetimes are checked on every request.
/// </summary>
public sealed class UserSession
{
    public required string Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The user's security stamp when the session began; a different stamp now ends the session.</summary>
    public string? SecurityStamp { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>The authentication ticket (claims), serialized.</summary>
    public required byte[] Ticket { get; set; }
}

public enum SecurityEventKind
{
    LoginSucceeded = 1,
    LoginFailed = 2,
    LockedOut = 3,
    LoggedOut = 4,
    PasswordChanged = 5,
    PasswordReset = 6,
    PasswordResetRequested = 7,
    TwoFactorEnabled = 8,
    TwoFactorDisabled = 9,
    RecoveryCodesGenerated = 10,
    RoleChanged = 11,
    OrganisationChanged = 12,
    UserDeactivated = 13,
    UserActivated = 14,
    UserCreated = 15,
    AccessDenied = 16,
    RateLimited = 17,
    SessionEnded = 18,
}

/// <summary>
/// What happened to an account or an access, with who (a name, or the address typed), from where and when. Never a
/// password, token or link.
/// </summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public SecurityEventKind Kind { get; set; }
    /// <summary>The account it is about (none for an address typed that belongs to no one).</summary>
    public string? UserId { get; set; }

    /// <summary>The account's e-mail, or the address typed at the login.</summary>
    public string? UserName { get; set; }

    /// <summary>Who did it, when someone else than the account did (an admin changing a role).</summary>
    public string? ActorName { get; set; }
    public string? IpAddress { get; set; }
    public string? Path { get; set; }
    public string? Detail { get; set; }
}
