using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Mail;

/// <summary>Writes mails to the outbox of the request's <see cref="PortalDb"/>; the caller's save commits them with its change.</summary>
public sealed class OutboxMailer(PortalDb db, TimeProvider clock) : IMailer
{
    public async Task<bool> EnqueueAsync(Mail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (db.Outbox.Local.Any(m => m.Key == mail.Key) || await db.Outbox.AnyAsync(m => m.Key == mail.Key, ct))
        {
            return false;
        }

        if (mail.Kind != NotificationKind.Account && mail.UserId is { } userId
            && await db.NotificationPreferences.AnyAsync(p => p.UserId == userId && p.Kind == mail.Kind && !p.Enabled, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage
        {
            Key = mail.Key, Kind = mail.Kind, ToAddress = mail.ToAddress, ToName = mail.ToName, Language = mail.Language,
            Subject = mail.Subject, TextBody = mail.TextBody, HtmlBody = mail.HtmlBody, Ics = mail.Ics, IcsMethod = mail.IcsMethod,
            MessageId = $"{Guid.NewGuid():N}@migrationportal", Status = OutboxStatus.Pending, CreatedUtc = now, NextAttemptUtc = now,
            ProjectId = mail.ProjectId, UserId = mail.UserId,
        });
        return true;
    }
}
