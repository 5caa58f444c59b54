using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Web.Features.Events;

/// <summary>The mails about an event (an invitation, a place freed for someone waiting), in the recipient's language.</summary>
public static class EventMails
{
    public static Mail Invitation(IStringLocalizer l, string publicUrl, PortalEvent ev, int customerId, string email, string name, string language, string? userId) =>
        Build(l, publicUrl, ev, $"event:{ev.Id}:{customerId}:{email}", "Event.Mail.InvitationSubject", "Event.Mail.Invitation", email, name, language, userId);

    public static Mail MovedUp(IStringLocalizer l, string publicUrl, PortalEvent ev, int registrationId, string email, string name, string language, string? userId) =>
        Build(l, publicUrl, ev, $"event-moved-up:{ev.Id}:{registrationId}:{email}", "Event.Mail.MovedUpSubject", "Event.Mail.MovedUp", email, name, language, userId);

    private static Mail Build(IStringLocalizer l, string publicUrl, PortalEvent ev, string key, string subjectKey, string introKey, string email, string name, string language, string? userId)
    {
        using var _ = new CultureScope(language);
        var subject = l[subjectKey, ev.Title].Value;
        var paragraphs = new List<string> { l[introKey, ev.Title, Display.DateTimeUtc(ev.StartUtc)].Value };
        if (ev.Place is { Length: > 0 } place)
        {
            paragraphs.Add(l["Event.Mail.Place", place].Value);
        }

        if (ev.RegistrationDeadline is { } deadline)
        {
            paragraphs.Add(l["Event.Mail.Deadline", Display.Date(deadline)].Value);
        }

        var (text, html) = MailBody.Render(subject, paragraphs, (l["Event.Mail.Link"].Value, $"{publicUrl.TrimEnd('/')}/my/events/{ev.Id}"), l["Operations.Mail.Footer"].Value, language);
        return new Mail(key, NotificationKind.Event, email, name, language, subject, text, html, UserId: userId);
    }
}
