using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure;

/// <summary>Delivers account e-mails (invitation, password reset). Replaced by the outbox when e-mail lands.</summary>
public interface IAccountMailer
{
    Task SendPasswordLinkAsync(string email, string displayName, bool invitation, string link, CancellationToken ct = default);
}

/// <summary>
/// Until e-mail is set up, account e-mails are written to the log (the README says where). The link is
/// the secret, so it goes to the server log only, never to the browser.
/// </summary>
public sealed partial class LogAccountMailer(ILogger<LogAccountMailer> logger) : IAccountMailer
{
    public Task SendPasswordLinkAsync(string email, string displayName, bool invitation, string link, CancellationToken ct = default)
    {
        LogLink(logger, invitation ? "Invitation" : "Password reset", email, link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} e-mail for {Email} (written to the log until e-mail is set up): {Link}")]
    private static partial void LogLink(ILogger logger, string kind, string email, string link);
}

/// <summary>
/// Makes the link with which a new user sets, or a user resets, their password, and sends it. The link's
/// address comes from configuration (Portal:PublicUrl), never from the request: a forged Host header must
/// not turn a reset mail into a link to someone else's site.
/// </summary>
public sealed class PasswordLinkSender(UserManager<PortalUser> users, IOptions<PortalOptions> options, IAccountMailer mailer)
{
    public async Task SendAsync(PortalUser user, bool invitation)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var baseUrl = options.Value.PublicUrl;
        var email = user.Email ?? string.Empty;
        var link = $"{baseUrl.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
        await mailer.SendPasswordLinkAsync(email, user.DisplayName, invitation, link);
    }
}

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The address people reach the portal at, for links in e-mails. Required outside Development.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";
}
