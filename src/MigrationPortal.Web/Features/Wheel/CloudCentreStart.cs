using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Paging;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>
/// The cloud centre's start page: customers in operation (paged, each with a month strip of its wheel), this and next
/// month's meetings, upgrades in the next 90 days, handovers waiting for acceptance, open meeting requests, coming events
/// and notices not yet acknowledged. A fixed number of queries whatever the number of rows.
/// </summary>
public static class CloudCentreStart
{
    public const int PageSize = 20;

    public sealed record CustomerRow(int ProjectId, string ProjectName, IReadOnlyList<string> Customers, WheelView Wheel);

    public sealed record CustomerPage(IReadOnlyList<CustomerRow> Rows, PageInfo Paging, DateOnly First);

    public sealed record MeetingRow(int ProjectId, string ProjectName, int MeetingId, string Title, DateTime StartUtc, bool Cancelled, bool Wheel);

    public sealed record UpgradeRow(int Id, string Product, string Version, ReleaseSize Size, DateOnly PlannedDate);

    public sealed record HandoverRow(int ProjectId, string ProjectName, DateTime RequestedUtc, string? RequestedBy);

    public sealed record RequestRow(int Id, int ProjectId, string ProjectName, string Topic, DateOnly? PreferredDate, string ByName, DateTime CreatedUtc);

    public sealed record EventRow(int Id, string Title, DateTime StartUtc, int Capacity, int Registered, int Waiting);

    public sealed record NoticeRow(string Customer, string Product, string Version, string Stage, DateTime SentUtc);

    public sealed record ViewModel(
        CustomerPage Customers, DateOnly FirstMonth,
        IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<UpgradeRow> Upgrades, IReadOnlyList<HandoverRow> Handovers,
        IReadOnlyList<RequestRow> Requests, IReadOnlyList<EventRow> Events, IReadOnlyList<NoticeRow> Notices, int NoticeCount);

    public sealed class Handler(PortalDb db, WheelItems.Handler items, TimeProvider clock)
    {
        public async Task<ViewModel> GetAsync(int page, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = Display.TodayInOslo(clock);
            var first = WheelItems.FirstMonth(clock);
            var customers = await CustomersAsync(page, first, ct);

            var fromUtc = Display.FromOslo(first.ToDateTime(TimeOnly.MinValue));
            var untilUtc = Display.FromOslo(first.AddMonths(2).ToDateTime(TimeOnly.MinValue));
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.StartUtc >= fromUtc && m.StartUtc < untilUtc && db.Projects.InOperation().Any(p => p.Id == m.ProjectId))
                .OrderBy(m => m.StartUtc).ThenBy(m => m.Id)
                .Select(m => new MeetingRow(m.ProjectId, m.Project!.Name, m.Id, m.Title, m.StartUtc, m.CancelledUtc != null, m.WheelKey != null))
                .Take(200).ToListAsync(ct);
            var upgrades = await db.UpgradeReleases.AsNoTracking()
                .Where(r => r.DoneDate == null && r.PlannedDate >= today && r.PlannedDate <= today.AddDays(90))
                .OrderBy(r => r.PlannedDate).ThenBy(r => r.Id)
                .Select(r => new UpgradeRow(r.Id, r.Product!.Name, r.ProductVersion, r.Size, r.PlannedDate)).ToListAsync(ct);
            var handovers = await db.Projects.AsNoTracking()
                .Where(p => p.Phase == Phase.GoLive && p.HandoverRequestedUtc != null && p.HandoverAcceptedUtc == null)
                .OrderBy(p => p.HandoverRequestedUtc).ThenBy(p => p.Id)
                .Select(p => new HandoverRow(p.Id, p.Name, p.HandoverRequestedUtc!.Value, p.HandoverRequestedByName)).ToListAsync(ct);
            var requests = await db.MeetingRequests.AsNoTracking().Where(r => r.Status == MeetingRequestStatus.Open)
                .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
                .Join(db.Projects, r => r.ProjectId, p => p.Id, (r, p) => new RequestRow(r.Id, r.ProjectId, p.Name, r.Topic, r.PreferredDate, r.RequestedByName, r.CreatedUtc))
                .ToListAsync(ct);
            var events = await db.Events.AsNoTracking().Where(e => e.EndUtc >= now)
                .OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Take(10)
                .Select(e => new EventRow(e.Id, e.Title, e.StartUtc, e.Capacity,
                    db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered),
                    db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting)))
                .ToListAsync(ct);
            var unacknowledged = db.UpgradeNotices.AsNoTracking()
                .Where(n => !db.UpgradeAcknowledgements.Any(a => a.ReleaseId == n.ReleaseId && a.CustomerId == n.CustomerId));
            var noticeCount = await unacknowledged.CountAsync(ct);
            var notices = await unacknowledged.OrderByDescending(n => n.SentUtc).ThenBy(n => n.Id).Take(20)
                .Join(db.Customers, n => n.CustomerId, c => c.Id, (n, c) => new { n, Customer = c.Name })
                .Join(db.UpgradeReleases, x => x.n.ReleaseId, r => r.Id, (x, r) => new NoticeRow(x.Customer, r.Product!.Name, r.ProductVersion, x.n.Stage, x.n.SentUtc))
                .ToListAsync(ct);
            return new ViewModel(customers, first, meetings, upgrades, handovers, requests, events, notices, noticeCount);
        }

        /// <summary>The overview of all customers in operation, a page at a time, from the current month.</summary>
        public Task<CustomerPage> CustomersAsync(int page, CancellationToken ct) => CustomersAsync(page, WheelItems.FirstMonth(clock), ct);

        /// <summary>The customers in operation on one page, with their wheels: four queries for the page.</summary>
        public async Task<CustomerPage> CustomersAsync(int page, DateOnly first, CancellationToken ct)
        {
            var inOperation = db.Projects.AsNoTracking().InOperation();
            var (projects, paging) = await inOperation.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new { p.Id, p.Name }).PageAsync(page, PageSize, ct);
            var ids = projects.Select(p => p.Id).ToList();
            var names = (await db.ProjectCustomers.AsNoTracking().Where(pc => ids.Contains(pc.ProjectId))
                    .Select(pc => new { pc.ProjectId, pc.Customer!.Name }).ToListAsync(ct))
                .ToLookup(x => x.ProjectId, x => x.Name);
            var wheel = await items.ForAsync(ids, first, internalToo: true, ct);
            var rows = projects.Select(p => new CustomerRow(p.Id, p.Name, names[p.Id].Order(StringComparer.CurrentCulture).ToList(), new WheelView(first, [.. wheel[p.Id]]))).ToList();
            return new CustomerPage(rows, paging, first);
        }
    }
}
