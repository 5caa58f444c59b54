using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Web.Infrastructure.Calendar;

/// <summary>
/// Invitations, updates and cancellations of a meeting as it is saved now: one mail per participant with an e-mail
/// address (customer contacts only when the meeting is customer-visible), in the recipient's language, with the
/// meeting as an .ics. The key carries the meeting's SEQUENCE and METHOD, so calling again without a change adds nothing.
/// </summary>
public sealed class MeetingInvitations(PortalDb db, IMailer mailer, IStringLocalizer<SharedResource> l, IOptions<PortalOptions> portal, IOptions<VendorOptions> vendor, TimeProvider clock)
    : IMeetingInvitations
{
    public async Task<int> InviteAsync(int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Participants).SingleAsync(m => m.Id == meetingId, ct);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == meeting.ProjectId)
            .Select(p => new { p.Name, LeadName = p.Lead!.DisplayName, LeadEmail = p.Lead.Email }).SingleAsync(ct);
        var recipients = await RecipientsAsync(meeting, ct);
        var removed = await RemovedAsync(meeting.Id, recipients, ct);
        if (recipients.Count == 0 && removed.Count == 0)
        {
            return 0;
        }

        var organizer = project.LeadEmail is { Length: > 0 } leadEmail
            ? new CalendarPerson(project.LeadName, leadEmail)
            : await db.VendorSettings.AsNoTracking().Where(v => v.CustomerCentreEmail != null).Select(v => v.CustomerCentreEmail!).FirstOrDefaultAsync(ct) is { } centre
                ? new CalendarPerson(vendor.Value.Name, centre)
                : null;
        var invitation = new Invitation(meeting, project.Name, organizer,
            $"{portal.Value.PublicUrl.TrimEnd('/')}/projects/{meeting.ProjectId}/meetings/{meeting.Id}", clock.GetUtcNow().UtcDateTime);
        var kind = meeting.CancelledUtc is not null ? "Cancel" : meeting.Sequence == 0 ? "Request" : "Update";

        // Whoever was invited before and is no longer (taken off the list, or a customer when the meeting became internal)
        // gets a cancellation of their copy, addressed to them alone.
        return await EnqueueAsync(invitation, kind == "Cancel" ? MeetingCalendar.Cancel : MeetingCalendar.Request, kind, recipients, ct)
            + await EnqueueAsync(invitation, MeetingCalendar.Cancel, "Removed", removed, ct);
    }

    private sealed record Invitation(Meeting Meeting, string ProjectName, CalendarPerson? Organizer, string PageUrl, DateTime NowUtc);

    /// <summary>One mail per recipient, rendered once per language; the .ics lists the recipients as its attendees.</summary>
    private async Task<int> EnqueueAsync(Invitation invitation, string method, string kind, List<Recipient> recipients, CancellationToken ct)
    {
        var (meeting, pageUrl) = (invitation.Meeting, invitation.PageUrl);
        var attendees = recipients.Select(r => new CalendarPerson(r.Name, r.Email)).ToList();
        var added = 0;
        foreach (var language in recipients.Select(r => r.Language).Distinct(StringComparer.Ordinal))
        {
            using var _ = new CultureScope(language);
            var ics = MeetingCalendar.Write(method, [new CalendarMeeting(meeting.Uid, meeting.Sequence, meeting.StartUtc, meeting.EndUtc, meeting.Title, meeting.Location,
                MeetingCalendar.Description(l, meeting.Agenda, meeting.OnlineLink, pageUrl), meeting.OnlineLink, meeting.CancelledUtc is not null, invitation.Organizer, attendees)], invitation.NowUtc);
            var subject = l["Invite.Subject." + kind, meeting.Title].Value;
            List<string> paragraphs = [l["Invite.Intro." + kind, invitation.ProjectName], l["Invite.When", MeetingCalendar.When(l, meeting.StartUtc, meeting.EndUtc)]];
            if (meeting.Location is { } place)
            {
                paragraphs.Add(l["Invite.Where", place]);
            }

            if (method == MeetingCalendar.Request && meeting.OnlineLink is { } link)
            {
                paragraphs.Add(l["Invite.Online", link]);
            }

            if (method == MeetingCalendar.Request && meeting.Agenda is { } agenda)
            {
                paragraphs.Add($"{l["Meeting.Agenda"]}:\n{agenda}");
            }

            var (text, html) = MailBody.Render(subject, paragraphs, kind == "Removed" ? null : (l["Invite.Open"], pageUrl), l["Invite.Footer", vendor.Value.Name], language);
            foreach (var r in recipients.Where(r => r.Language == language))
            {
                var key = $"meeting:{meeting.Id}:{meeting.Sequence}:{method}:{r.Email.ToLowerInvariant()}";
                if (await mailer.EnqueueAsync(new Mail.Mail(key, NotificationKind.Meeting, r.Email, r.Name, language, subject, text, html, ics, method, meeting.ProjectId, r.UserId), ct))
                {
                    added++;
                }
            }
        }

        return added;
    }

    /// <summary>Those whose latest mail about the meeting was an invitation, who are no longer among its recipients.</summary>
    private async Task<List<Recipient>> RemovedAsync(int meetingId, List<Recipient> recipients, CancellationToken ct)
    {
        var prefix = $"meeting:{meetingId}:";
        var sent = await db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith(prefix))
            .Select(m => new { m.Id, m.ToAddress, m.ToName, m.Language, m.UserId, m.IcsMethod }).ToListAsync(ct);
        var current = recipients.Select(r => r.Email.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return sent.GroupBy(m => m.ToAddress.Trim().ToUpperInvariant())
            .Select(g => g.MaxBy(m => m.Id)!)
            .Where(m => m.IcsMethod == MeetingCalendar.Request && !current.Contains(m.ToAddress.Trim().ToUpperInvariant()))
            .Select(m => new Recipient(m.ToName ?? m.ToAddress, m.ToAddress, m.Language, m.UserId))
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private sealed record Recipient(string Name, string Email, string Language, string? UserId);

    /// <summary>Participants with an address, once each: contacts only for a meeting the customer sees, staff always.</summary>
    private async Task<List<Recipient>> RecipientsAsync(Meeting meeting, CancellationToken ct)
    {
        var contactIds = meeting.Participants.Where(p => p.ContactId != null).Select(p => p.ContactId!.Value).ToList();
        var userIds = meeting.Participants.Where(p => p.UserId != null).Select(p => p.UserId!).ToList();
        var contacts = !meeting.CustomerVisible || contactIds.Count == 0 ? [] : await db.Contacts.AsNoTracking()
            .Where(c => contactIds.Contains(c.Id))
            .Select(c => new
            {
                c.Name, c.Email, c.UserId, Customer = c.Customer!.PreferredLanguage,
                User = db.Users.Where(u => u.Id == c.UserId).Select(u => u.PreferredLanguage).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.IsActive && u.Email != null && (u.CustomerId == null || meeting.CustomerVisible))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PreferredLanguage })
            .ToListAsync(ct);
        return contacts.Select(c => new Recipient(c.Name, c.Email, c.User ?? c.Customer, c.UserId))
            .Concat(users.Select(u => new Recipient(u.DisplayName, u.Email!, u.PreferredLanguage ?? LocalizationSetup.DefaultCulture, u.Id)))
            .Where(r => !string.IsNullOrWhiteSpace(r.Email))
            .DistinctBy(r => r.Email.Trim().ToUpperInvariant())
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
