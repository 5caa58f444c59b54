using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>The sales view: the newest revision of every offer by status, with value and what expires soon.</summary>
public static class SalesPipeline
{
    public const int ExpiresSoonDays = 14;

    public sealed record ViewModel(IReadOnlyList<OfferViewing.RevisionSummary> Offers, IReadOnlyDictionary<OfferStatus, decimal> ValueByStatus, IReadOnlyList<OfferViewing.RevisionSummary> ExpiringSoon, DateOnly Today, int QueueWaiting, DateOnly NextStart)
    {
        public IReadOnlyList<Intake.Leads.Item> OpenLeads { get; init; } = [];
    }

    public sealed class Handler(PortalDb db, OfferViewing.Handler viewing, Intake.Leads.Handler leads, TimeProvider clock)
    {
        public async Task<ViewModel> GetAsync(CancellationToken ct)
        {
            // Per offer: the newest revision the customer has seen, or the draft when nothing has been sent yet.
            var newest = db.OfferRevisions.Where(r =>
                (r.Status != OfferStatus.Draft && r.Revision == db.OfferRevisions.Where(x => x.OfferId == r.OfferId && x.Status != OfferStatus.Draft).Max(x => x.Revision))
                || (r.Status == OfferStatus.Draft && !db.OfferRevisions.Any(x => x.OfferId == r.OfferId && x.Status != OfferStatus.Draft)));
            var offers = await viewing.SummariesAsync(newest, ct);
            var today = Display.TodayInOslo(clock);
            var byStatus = offers.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Sum(o => o.OneOffTotal));
            var soon = offers.Where(o => o.Status == OfferStatus.Sent && o.ValidUntil <= today.AddDays(ExpiresSoonDays)).OrderBy(o => o.ValidUntil).ToList();
            var waiting = await db.CloudQueue.CountAsync(q => q.StartedUtc == null, ct);
            var perMonth = await db.StartsPerMonthAsync(ct);
            return new ViewModel(offers, byStatus, soon, today, waiting, CloudQueue.ExpectedStartMonth(waiting + 1, perMonth, today))
            {
                OpenLeads = await leads.ListAsync(LeadStatus.Open, ct),
            };
        }
    }
}
