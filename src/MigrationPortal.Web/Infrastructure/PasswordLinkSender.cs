using Microsoft.AspNetCore.Identity;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure;

/// <summary>
/// Makes the link with which a new user sets, or a user resets, their password. Until the e-mail outbox
/// lands it is written to the log (the README says where); the link itself is the secret, so it is
/// logged at Information only and never shown in the browser.
/// </summary>
public sealed partial class PasswordLinkSender(UserManager<PortalUser> users, IConfiguration config, ILogger<PasswordLinkSender> logger)
{
    public async Task<string> SendAsync(PortalUser user, bool invitation, HttpRequest? request)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var baseUrl = config["Portal:PublicUrl"] ?? (request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}");
        var link = $"{baseUrl.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(user.Email ?? string.Empty)}&token={Uri.EscapeDataString(token)}";
        LogLink(logger, invitation ? "Invitation" : "Password reset", user.Email, link);
        return link;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} e-mail for {Email} (written to the log until e-mail is set up): {Link}")]
    private static partial void LogLink(ILogger logger, string kind, string? email, string link);
}
