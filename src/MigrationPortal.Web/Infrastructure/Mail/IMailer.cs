using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Mail;

/// <summary>
/// One e-mail to one person, already rendered in their language. <see cref="Key"/> is its business key: the same key
/// twice (a job run twice, two nodes) is one mail. <see cref="Ics"/> is an iCalendar attachment with its METHOD.
/// </summary>
public sealed record Mail(
    string Key,
    NotificationKind Kind,
    string ToAddress,
    string? ToName,
    string Language,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    string? Ics = null,
    string? IcsMethod = null,
    int? ProjectId = null,
    string? UserId = null);

/// <summary>
/// How features send e-mail: the mail is written to the outbox in the caller's unit of work and goes out when the
/// caller saves (the same transaction as the change that caused it); a job sends it. Nothing is sent directly.
/// </summary>
public interface IMailer
{
    /// <summary>
    /// Adds the mail to the outbox unless one with the same key is already there (or added in this unit of work), or
    /// the recipient (<see cref="Mail.UserId"/>) has turned this kind off. True when it was added.
    /// </summary>
    Task<bool> EnqueueAsync(Mail mail, CancellationToken ct);
}
