using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Web.Infrastructure;

/// <summary>
/// Makes the link with which a new user sets, or a user resets, their password, and puts the mail with it in the
/// outbox (<see cref="IMailer"/>), in the user's language. The link's address comes from configuration
/// (Portal:PublicUrl), never from the request: a forged Host header must not turn a reset mail into a link to someone
/// else's site. The token and the link are never logged; the outbox row is their only trace.
/// </summary>
public sealed class PasswordLinkSender(
    UserManager<PortalUser> users, IOptions<PortalOptions> options, IMailer mailer, PortalDb db, IStringLocalizer<SharedResource> l, Security.SecurityLog events)
{
    /// <summary>Enqueues the mail and saves it: the screen that says "sent" may say so once this returns.</summary>
    public async Task SendAsync(PortalUser user, bool invitation, CancellationToken ct = default)
    {
        await EnqueueAsync(user, invitation, ct);
        await db.SaveChangesAsync(ct);
        if (!invitation)
        {
            await events.RecordAsync(SecurityEventKind.PasswordResetRequested, user.Id, user.Email, null, ct);
        }
    }

    /// <summary>Enqueues the mail in the caller's unit of work; the caller saves.</summary>
    public async Task EnqueueAsync(PortalUser user, bool invitation, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var email = user.Email ?? string.Empty;
        var link = $"{options.Value.PublicUrl.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
        var language = user.PreferredLanguage
            ?? (user.CustomerId is { } customerId ? await db.Customers.Where(c => c.Id == customerId).Select(c => c.PreferredLanguage).SingleOrDefaultAsync(ct) : null)
            ?? LocalizationSetup.DefaultCulture;
        var purpose = invitation ? "invitation" : "reset";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

        string subject, text, html;
        using (new CultureScope(language))
        {
            var prefix = invitation ? "Mail.Invitation." : "Mail.Reset.";
            var app = l["App.Name"].Value;
            subject = l[prefix + "Subject", app];
            (text, html) = MailBody.Render(
                l[prefix + "Heading", user.DisplayName], [l[prefix + "Body", app], l["Mail.Account.NotYou"]],
                (l[prefix + "Link"], link), l["Mail.Footer", app], language);
        }

        await mailer.EnqueueAsync(new Mail.Mail($"account:{purpose}:{user.Id}:{hash}", NotificationKind.Account, email, user.DisplayName, language, subject, text, html, UserId: user.Id), ct);
    }
}

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The address people reach the portal at, for links in e-mails. Required outside Development.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";
}
