namespace MigrationPortal.Web.Infrastructure.Mail;

/// <summary>
/// Meeting invitations with an iCalendar attachment (METHOD:REQUEST, an update with a higher SEQUENCE, or
/// METHOD:CANCEL) to every participant with an e-mail address, through <see cref="IMailer"/> (keys make a second call
/// for the same meeting and sequence a no-op). The caller saves.
/// </summary>
public interface IMeetingInvitations
{
    /// <summary>Enqueues the invitation (or update, or cancellation) of the meeting as it is now; returns how many mails were added.</summary>
    Task<int> InviteAsync(int meetingId, CancellationToken ct);
}
