using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Wheel;

public enum WheelItemKind
{
    Meeting = 1,
    Upgrade = 2,
    Event = 3,
}

/// <summary>One mark on the wheel: a meeting of the project, an upgrade of one of its products, an event its customer is invited to.</summary>
public sealed record WheelItem(int ProjectId, DateOnly Date, WheelItemKind Kind, string Title, bool Cancelled, int? MeetingId);

/// <summary>The twelve months drawn, from <see cref="First"/> (the first of the current month, drawn at the top, clockwise).</summary>
public sealed record WheelView(DateOnly First, IReadOnlyList<WheelItem> Items)
{
    public IEnumerable<DateOnly> Months => Enumerable.Range(0, 12).Select(First.AddMonths);

    public IEnumerable<WheelItem> In(DateOnly month) => Items.Where(i => i.Date.Year == month.Year && i.Date.Month == month.Month);
}

public static class WheelItems
{
    /// <summary>The wheel's items of several projects at once: three queries whatever the number of projects.</summary>
    public sealed class Handler(PortalDb db)
    {
        public async Task<ILookup<int, WheelItem>> ForAsync(IReadOnlyCollection<int> projectIds, DateOnly first, bool internalToo, CancellationToken ct)
        {
            var last = first.AddMonths(12);
            var fromUtc = Display.FromOslo(first.ToDateTime(TimeOnly.MinValue));
            var untilUtc = Display.FromOslo(last.ToDateTime(TimeOnly.MinValue));
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => projectIds.Contains(m.ProjectId) && m.StartUtc >= fromUtc && m.StartUtc < untilUtc && (internalToo || m.CustomerVisible))
                .Select(m => new { m.ProjectId, m.StartUtc, m.Title, m.CancelledUtc, m.Id })
                .ToListAsync(ct);
            var upgrades = await db.ProjectProducts.AsNoTracking().Where(pp => projectIds.Contains(pp.ProjectId))
                .Join(db.UpgradeReleases.Where(r => r.PlannedDate >= first && r.PlannedDate < last), pp => pp.ProductId, r => r.ProductId,
                    (pp, r) => new { pp.ProjectId, r.PlannedDate, r.Product!.Name, r.ProductVersion })
                .ToListAsync(ct);
            var events = await db.ProjectCustomers.AsNoTracking().Where(pc => projectIds.Contains(pc.ProjectId))
                .Join(db.EventInvitations, pc => pc.CustomerId, i => i.CustomerId, (pc, i) => new { pc.ProjectId, i.EventId })
                .Join(db.Events.Where(e => e.StartUtc >= fromUtc && e.StartUtc < untilUtc), x => x.EventId, e => e.Id, (x, e) => new { x.ProjectId, e.StartUtc, e.Title })
                .Distinct()
                .ToListAsync(ct);

            return meetings.Select(m => new WheelItem(m.ProjectId, OsloDate(m.StartUtc), WheelItemKind.Meeting, m.Title, m.CancelledUtc is not null, m.Id))
                .Concat(upgrades.Select(u => new WheelItem(u.ProjectId, u.PlannedDate, WheelItemKind.Upgrade, $"{u.Name} {u.ProductVersion}", false, null)))
                .Concat(events.Select(e => new WheelItem(e.ProjectId, OsloDate(e.StartUtc), WheelItemKind.Event, e.Title, false, null)))
                .OrderBy(i => i.Date).ThenBy(i => i.Kind).ThenBy(i => i.Title, StringComparer.CurrentCulture)
                .ToLookup(i => i.ProjectId);
        }

        private static DateOnly OsloDate(DateTime utc) => DateOnly.FromDateTime(Display.ToOslo(utc));
    }

    /// <summary>The first of the current month in Europe/Oslo: the wheel's top.</summary>
    public static DateOnly FirstMonth(TimeProvider clock)
    {
        var today = Display.TodayInOslo(clock);
        return new DateOnly(today.Year, today.Month, 1);
    }
}

/// <summary>Where things go on the drawn wheel (viewBox -130 -130 260 260): month 0 at the top, clockwise.</summary>
public static class WheelGeometry
{
    public const double Outer = 100;
    public const double Inner = 38;

    /// <summary>The angle (degrees, 0 = up) of the start of month <paramref name="index"/>, or of a day within it.</summary>
    public static double Angle(int index, int day = 1, int daysInMonth = 30) => (index * 30) + (30.0 * (day - 0.5) / daysInMonth);

    public static double MonthStart(int index) => index * 30;

    public static double Radius(WheelItemKind kind) => kind switch
    {
        WheelItemKind.Meeting => 86,
        WheelItemKind.Upgrade => 68,
        _ => 51,
    };

    public static (string X, string Y) Point(double angleDegrees, double radius)
    {
        var a = (angleDegrees - 90) * Math.PI / 180;
        return (F(radius * Math.Cos(a)), F(radius * Math.Sin(a)));
    }

    /// <summary>The mark of an item: its month index on the wheel, and its centre.</summary>
    public static (string X, string Y)? Mark(DateOnly first, WheelItem item) =>
        Domain.AnnualWheel.MonthIndex(first, item.Date) is { } i
            ? Point(Angle(i, item.Date.Day, DateTime.DaysInMonth(item.Date.Year, item.Date.Month)), Radius(item.Kind))
            : null;

    /// <summary>A diamond (events) or a square (upgrades) around a centre, as SVG polygon points.</summary>
    public static string Polygon(WheelItemKind kind, string x, string y)
    {
        double cx = double.Parse(x, System.Globalization.CultureInfo.InvariantCulture), cy = double.Parse(y, System.Globalization.CultureInfo.InvariantCulture);
        (double, double)[] corners = kind == WheelItemKind.Event
            ? [(cx, cy - 5.5), (cx + 5.5, cy), (cx, cy + 5.5), (cx - 5.5, cy)]
            : [(cx - 4, cy - 4), (cx + 4, cy - 4), (cx + 4, cy + 4), (cx - 4, cy + 4)];
        return string.Join(' ', corners.Select(c => $"{F(c.Item1)},{F(c.Item2)}"));
    }

    public static string F(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
