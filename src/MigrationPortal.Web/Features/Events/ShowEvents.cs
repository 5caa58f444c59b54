using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Events;

/// <summary>Events as customers see them (only those their organisation is invited to) and as staff see them (with registrations).</summary>
public static class ShowEvents
{
    public sealed record EventRow(int Id, PortalEventKind Kind, string Title, DateTime StartUtc, string? Place, int Capacity, int Registered, int Waiting, DateOnly? RegistrationDeadline);

    public sealed record Detail(EventRow Event, DateTime EndUtc, string ProgrammeHtml, RegistrationStatus? Mine, bool Open);

    public sealed record Person(string Name, string Organisation, string Email, RegistrationStatus Status, DateTime RegisteredUtc);

    public sealed record StaffView(EventRow Event, IReadOnlyList<string> Invited, IReadOnlyList<Person> People);

    public sealed class Handler(PortalDb db, Infrastructure.Text.SafeMarkdown markdown, TimeProvider clock)
    {
        private IQueryable<EventRow> Rows(IQueryable<PortalEvent> events) => events.Select(e => new EventRow(e.Id, e.Kind, e.Title, e.StartUtc, e.Place, e.Capacity,
            db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered),
            db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting), e.RegistrationDeadline));

        /// <summary>Staff: every event, coming first.</summary>
        public async Task<IReadOnlyList<EventRow>> AllAsync(CancellationToken ct) =>
            await Rows(db.Events.AsNoTracking().OrderByDescending(e => e.StartUtc)).ToListAsync(ct);

        /// <summary>A customer contact: the coming events their organisation is invited to.</summary>
        public async Task<IReadOnlyList<EventRow>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var customerId = user.CustomerId();
            var now = clock.GetUtcNow().UtcDateTime;
            return await Rows(db.Events.AsNoTracking().Where(e => e.EndUtc > now && e.Invitations.Any(i => i.CustomerId == customerId)).OrderBy(e => e.StartUtc)).ToListAsync(ct);
        }

        /// <summary>One event for a contact of an invited customer; not found for anyone else.</summary>
        public async Task<Result<Detail>> OneAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            var customerId = user.CustomerId();
            var userId = user.UserId();
            var row = await Rows(db.Events.AsNoTracking().Where(e => e.Id == id && e.Invitations.Any(i => i.CustomerId == customerId))).SingleOrDefaultAsync(ct);
            if (row is null || customerId is null)
            {
                return Result.NotFound;
            }

            var ev = await db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.EndUtc, e.Programme }).SingleAsync(ct);
            var mine = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == id && db.Contacts.Any(c => c.Id == r.ContactId && c.UserId == userId && c.CustomerId == customerId))
                .Select(r => (RegistrationStatus?)r.Status).SingleOrDefaultAsync(ct);
            var open = row.StartUtc > clock.GetUtcNow().UtcDateTime
                && (row.RegistrationDeadline is not { } d || Infrastructure.Localization.Display.TodayInOslo(clock) <= d);
            return new Detail(row, ev.EndUtc, markdown.ToHtml(ev.Programme), mine, open);
        }

        /// <summary>Staff: one event with who is invited and everyone registered, waiting or cancelled.</summary>
        public async Task<Result<StaffView>> RegistrationsAsync(int id, CancellationToken ct)
        {
            var row = await Rows(db.Events.AsNoTracking().Where(e => e.Id == id)).SingleOrDefaultAsync(ct);
            if (row is null)
            {
                return Result.NotFound;
            }

            var invited = await db.EventInvitations.AsNoTracking().Where(i => i.EventId == id)
                .Join(db.Customers, i => i.CustomerId, c => c.Id, (i, c) => c.Name).OrderBy(n => n).ToListAsync(ct);
            var people = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id)
                .Join(db.Contacts, r => r.ContactId, c => c.Id, (r, c) => new { r, c })
                .OrderBy(x => x.r.Status).ThenBy(x => x.r.RegisteredUtc).ThenBy(x => x.r.Id)
                .Select(x => new Person(x.r.Name, x.c.Customer!.Name, x.c.Email, x.r.Status, x.r.RegisteredUtc))
                .ToListAsync(ct);
            return new StaffView(row, invited, people);
        }
    }

    /// <summary>
    /// The registrations as a CSV file Excel in Norway opens as it is: UTF-8 with a byte order mark, ';' between fields,
    /// fields quoted when they hold a separator, a quote or a line break. Status and time in the reader's language (Oslo).
    /// </summary>
    private static readonly char[] Special = [';', '"', '\n', '\r'];

    private static readonly string[] CsvHeadings = ["Event.Csv.Name", "Event.Csv.Organisation", "Event.Csv.Email", "Event.Csv.Status", "Event.Csv.RegisteredAt"];

    public static byte[] Csv(StaffView view, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        static string Field(string value)
        {
            // A leading =, +, - or @ would make Excel run a formula: such a field is kept as text.
            var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
            return safe.IndexOfAny(Special) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
        }

        var csv = new StringBuilder();
        csv.Append(string.Join(';', CsvHeadings.Select(k => Field(text(k))))).Append("\r\n");
        foreach (var p in view.People)
        {
            var at = Infrastructure.Localization.Display.ToOslo(p.RegisteredUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            csv.Append(string.Join(';', new[] { p.Name, p.Organisation, p.Email, text("RegistrationStatus." + p.Status), at }.Select(Field))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
