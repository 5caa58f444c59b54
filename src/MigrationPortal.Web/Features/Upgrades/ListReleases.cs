using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Features.Upgrades;

/// <summary>The cloud centre's list of releases, newest planned first, a page at a time, with how far the notices have come.</summary>
public static class ListReleases
{
    public const int PageSize = 20;

    public sealed record Row(int Id, int Version, string Product, string ProductVersion, ReleaseSize Size, DateOnly PlannedDate, DateOnly? DoneDate, DateTime? WebinarUtc, int CustomersNoticed, int Acknowledged);

    public sealed record ViewModel(IReadOnlyList<Row> Releases, int PageNumber, bool HasMore);

    public sealed class Handler(PortalDb db)
    {
        public async Task<ViewModel> GetAsync(int page, CancellationToken ct)
        {
            page = Math.Max(1, page);
            var rows = await db.UpgradeReleases.AsNoTracking()
                .OrderByDescending(r => r.PlannedDate).ThenByDescending(r => r.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1)
                .Select(r => new Row(r.Id, r.Version, r.Product!.Name, r.ProductVersion, r.Size, r.PlannedDate, r.DoneDate, r.WebinarUtc,
                    db.UpgradeNotices.Where(n => n.ReleaseId == r.Id).Select(n => n.CustomerId).Distinct().Count(),
                    db.UpgradeAcknowledgements.Count(a => a.ReleaseId == r.Id)))
                .ToListAsync(ct);
            return new ViewModel(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
        }
    }
}
