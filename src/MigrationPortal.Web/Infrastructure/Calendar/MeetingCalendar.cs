using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Localization;
using IcalCalendar = Ical.Net.Calendar;

namespace MigrationPortal.Web.Infrastructure.Calendar;

/// <summary>A person in an iCalendar file: the organizer or an attendee.</summary>
public sealed record CalendarPerson(string Name, string Email);

/// <summary>One meeting as an iCalendar event: <see cref="Uid"/> is stable for the meeting's life, <see cref="Sequence"/> rises with every change invitees must hear of.</summary>
public sealed record CalendarMeeting(
    string Uid,
    int Sequence,
    DateTime StartUtc,
    DateTime EndUtc,
    string Title,
    string? Location,
    string? Description,
    string? OnlineLink,
    bool Cancelled,
    CalendarPerson? Organizer,
    IReadOnlyList<CalendarPerson> Attendees);

/// <summary>
/// Writes meetings as iCalendar (RFC 5545 with the RFC 5546 methods) through Ical.Net: times in Europe/Oslo with its
/// VTIMEZONE, so a calendar anywhere shows them at the right moment on both sides of a daylight-saving change.
/// </summary>
public static class MeetingCalendar
{
    public const string TimeZone = "Europe/Oslo";
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>An invitation or an update (a higher SEQUENCE with the same UID).</summary>
    public const string Request = "REQUEST";

    /// <summary>A cancellation: the same UID, a higher SEQUENCE, STATUS:CANCELLED.</summary>
    public const string Cancel = "CANCEL";

    /// <summary>A file or feed to add to a calendar, not an invitation: no attendees (RFC 5546 3.2.1).</summary>
    public const string Publish = "PUBLISH";

    /// <param name="stampUtc">DTSTAMP: when the file was made (the app's clock).</param>
    /// <param name="name">The calendar's name for a feed (X-WR-CALNAME), or none.</param>
    public static string Write(string method, IReadOnlyCollection<CalendarMeeting> meetings, DateTime stampUtc, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(meetings);

        // Ical.Net formats numbers with the current culture: Bokmål's minus sign (U+2212) would break BYDAY=-1SU.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return Serialize(method, meetings, stampUtc, name);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static string Serialize(string method, IReadOnlyCollection<CalendarMeeting> meetings, DateTime stampUtc, string? name)
    {
        var calendar = new IcalCalendar { Method = method, ProductId = "-//MigrationPortal//Meetings//NB" };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
            calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        }

        // The VTIMEZONE is made from the zone's changes between a year before this date and now: from now (or an earlier
        // meeting) it holds both the summer and the winter rule, which readers repeat into the future.
        var earliest = meetings.Select(m => m.StartUtc).Append(stampUtc).Min();
        calendar.AddTimeZone(TimeZone, Display.ToOslo(earliest), includeHistoricalData: false);
        foreach (var m in meetings)
        {
            var e = new CalendarEvent
            {
                Uid = m.Uid,
                Sequence = m.Sequence,
                DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc)),
                DtStart = Oslo(m.StartUtc),
                DtEnd = Oslo(m.EndUtc),
                Summary = m.Title,
                Location = m.Location,
                Description = m.Description,
                Status = m.Cancelled || method == Cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (m.OnlineLink is { } link && Uri.TryCreate(link, UriKind.Absolute, out var url))
            {
                e.Url = url;
            }

            if (m.Organizer is { } organizer)
            {
                e.Organizer = new Organizer(MailTo(organizer.Email)) { CommonName = organizer.Name };
            }

            if (method != Publish)
            {
                foreach (var a in m.Attendees)
                {
                    e.Attendees.Add(new Attendee(MailTo(a.Email))
                    {
                        CommonName = a.Name, Role = ParticipationRole.RequiredParticipant,
                        ParticipationStatus = method == Cancel ? null : EventParticipationStatus.NeedsAction, Rsvp = method == Request,
                    });
                }
            }

            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>
    /// The time in Oslo with its TZID; a local time that happens twice (the night summer time ends) is written in UTC
    /// instead, since a reader takes an ambiguous local time as the first of the two (RFC 5545 3.3.5).
    /// </summary>
    private static CalDateTime Oslo(DateTime utc)
    {
        var local = Display.ToOslo(utc);
        return Display.Oslo.IsAmbiguousTime(local)
            ? new CalDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc))
            : new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);
    }

    /// <summary>The meeting's stable UID, from its id alone (for queries that project rows rather than load meetings).</summary>
    public static string Uid(int meetingId) => new Domain.Meeting { Id = meetingId, Title = string.Empty }.Uid;

    /// <summary>"12. jan. 2027 kl. 10:00–11:30 (norsk tid)" in the current language.</summary>
    public static string When(IStringLocalizer l, DateTime startUtc, DateTime endUtc)
    {
        ArgumentNullException.ThrowIfNull(l);
        var sameDay = Display.ToOslo(startUtc).Date == Display.ToOslo(endUtc).Date;
        return l["Invite.TimeRange", Display.DateTimeUtc(startUtc), sameDay ? Display.ToOslo(endUtc).ToString("HH:mm", CultureInfo.InvariantCulture) : Display.DateTimeUtc(endUtc)];
    }

    /// <summary>The event's DESCRIPTION in the current language: the agenda, the online link and the meeting's page.</summary>
    public static string Description(IStringLocalizer l, string? agenda, string? onlineLink, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(l);
        var parts = new List<string>();
        if (agenda is not null)
        {
            parts.Add($"{l["Meeting.Agenda"]}:\n{agenda}");
        }

        if (onlineLink is not null)
        {
            parts.Add(l["Invite.Online", onlineLink]);
        }

        parts.Add($"{l["Invite.Open"]}: {pageUrl}");
        return string.Join("\n\n", parts);
    }

    private static string MailTo(string email) => "mailto:" + email.Trim();
}
