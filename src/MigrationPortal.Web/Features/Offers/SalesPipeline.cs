using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Paging;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>
/// The sales view: the newest revision of every offer, counted and valued by status in SQL, what expires soon, the open
/// leads, and the offers of one status (or all) a page at a time. A fixed few queries, whatever the number of offers.
/// </summary>
public static class SalesPipeline
{
    public const int ExpiresSoonDays = 14;
    public const int PageSize = 25;
    public const int Shortlist = 10;

    public sealed class Query
    {
        public OfferStatus? Status { get; set; }
        public int Page { get; set; } = 1;
    }

    public sealed record StatusTotal(OfferStatus Status, int Count, long OneOffTotalOre)
    {
        public decimal OneOffTotal => OfferRevision.FromOre(OneOffTotalOre);
    }

    public sealed record ViewModel(
        Query Query, IReadOnlyList<OfferViewing.RevisionSummary> Offers, PageInfo Paging, IReadOnlyList<StatusTotal> ByStatus,
        IReadOnlyList<OfferViewing.RevisionSummary> ExpiringSoon, int ExpiringSoonCount, DateOnly Today, int QueueWaiting, DateOnly NextStart)
    {
        public IReadOnlyList<Intake.Leads.Item> OpenLeads { get; init; } = [];

        public int OpenLeadCount { get; init; }

        public int AllCount => ByStatus.Sum(s => s.Count);
    }

    public sealed class Handler(PortalDb db, Intake.Leads.Handler leads, TimeProvider clock)
    {
        public async Task<ViewModel> GetAsync(Query query, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(query);
            var today = Display.TodayInOslo(clock);

            // Per offer: the newest revision the customer has seen, or the draft when nothing has been sent yet (stored).
            var newest = db.OfferRevisions.AsNoTracking().Where(r => r.InPipeline);

            var byStatus = (await newest
                    .GroupBy(r => r.Status == OfferStatus.Sent && r.ValidUntil < today ? OfferStatus.Expired : r.Status)
                    .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(r => r.OneOffTotalOre) })
                    .ToListAsync(ct))
                .Select(g => new StatusTotal(g.Key, g.Count, g.Sum)).OrderBy(s => s.Status).ToList();

            var listed = query.Status switch
            {
                null => newest,
                OfferStatus.Sent => newest.Where(r => r.Status == OfferStatus.Sent && r.ValidUntil >= today),
                OfferStatus.Expired => newest.Where(r => r.Status == OfferStatus.Expired || (r.Status == OfferStatus.Sent && r.ValidUntil < today)),
                var s => newest.Where(r => r.Status == s),
            };
            var (offers, paging) = await OfferViewing.Handler.Summaries(listed.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id), today)
                .PageAsync(query.Page, PageSize, ct);
            query.Page = paging.Page;

            var soon = newest.Where(r => r.Status == OfferStatus.Sent && r.ValidUntil >= today && r.ValidUntil <= today.AddDays(ExpiresSoonDays));
            var expiring = await OfferViewing.Handler.Summaries(soon.OrderBy(r => r.ValidUntil).ThenBy(r => r.Id), today).Take(Shortlist).ToListAsync(ct);
            var expiringCount = await soon.CountAsync(ct);

            var waiting = await db.CloudQueue.CountAsync(q => q.StartedUtc == null, ct);
            var perMonth = await db.StartsPerMonthAsync(ct);
            var (openLeads, openLeadCount) = await leads.FirstAsync(LeadStatus.Open, Shortlist, ct);
            return new ViewModel(query, offers, paging, byStatus, expiring, expiringCount, today, waiting, CloudQueue.ExpectedStartMonth(waiting + 1, perMonth, today))
            {
                OpenLeads = openLeads,
                OpenLeadCount = openLeadCount,
            };
        }
    }
}
