using System.Linq.Expressions;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Calendar;

namespace MigrationPortal.Web.Features.Calendar;

/// <summary>An .ics to download or subscribe to; <see cref="FileName"/> makes it a download.</summary>
public sealed record IcsFile(string Content, string? FileName);

/// <summary>What a calendar file says about a meeting, read straight from the query.</summary>
public sealed record MeetingRow(int Id, int ProjectId, string Title, DateTime StartUtc, DateTime EndUtc, string? Location, string? OnlineLink, string? Agenda, int Sequence, DateTime? CancelledUtc, string? LeadName, string? LeadEmail);

/// <summary>Meetings as a METHOD:PUBLISH calendar: to add to a calendar, not an invitation.</summary>
public static class CalendarFiles
{
    public static readonly Expression<Func<Meeting, MeetingRow>> Row = m => new MeetingRow(
        m.Id, m.ProjectId, m.Title, m.StartUtc, m.EndUtc, m.Location, m.OnlineLink, m.Agenda, m.Sequence, m.CancelledUtc,
        m.Project!.Lead!.DisplayName, m.Project.Lead.Email);

    /// <summary>The calendar in the current language; links to the meetings' pages start with <paramref name="publicUrl"/>.</summary>
    public static string Publish(IReadOnlyCollection<MeetingRow> rows, IStringLocalizer l, string publicUrl, DateTime nowUtc, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(publicUrl);
        var meetings = rows.Select(m => new CalendarMeeting(
            MeetingCalendar.Uid(m.Id), m.Sequence, m.StartUtc, m.EndUtc, m.Title, m.Location,
            MeetingCalendar.Description(l, m.Agenda, m.OnlineLink, $"{publicUrl.TrimEnd('/')}/projects/{m.ProjectId}/meetings/{m.Id}"),
            m.OnlineLink, m.CancelledUtc is not null, m.LeadEmail is { Length: > 0 } email ? new CalendarPerson(m.LeadName ?? email, email) : null, [])).ToList();
        return MeetingCalendar.Write(MeetingCalendar.Publish, meetings, nowUtc, name);
    }
}
