using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>A new draft revision copied from the newest one; a sent revision itself never changes.</summary>
public static class ReviseOffer
{
    public sealed class Handler(PortalDb db, OfferAccess access, TimeProvider clock)
    {
        /// <summary>Returns the id of the draft to edit (an open draft is reused).</summary>
        public async Task<Result<int>> ReviseAsync(int revisionId, ClaimsPrincipal user, CancellationToken ct)
        {
            var target = await access.CheckAsync(revisionId, user, ProjectOperations.EditOffers, ct);
            if (!target.IsOk)
            {
                return target.Cast<int>();
            }

            var revisions = await db.OfferRevisions.Include(x => x.Activities).Include(x => x.YearlyCosts).Where(x => x.OfferId == target.Value!.OfferId).ToListAsync(ct);
            if (revisions.Any(x => x.Status == OfferStatus.Accepted))
            {
                return Result.Refused("Offer.AcceptedLocked");
            }

            if (revisions.FirstOrDefault(x => x.Status == OfferStatus.Draft) is { } draft)
            {
                return draft.Id;
            }

            var latest = revisions.OrderByDescending(x => x.Revision).First();
            var today = Display.TodayInOslo(clock);
            var copy = new OfferRevision
            {
                OfferId = latest.OfferId, Revision = latest.Revision + 1, Title = latest.Title, Summary = latest.Summary, Terms = latest.Terms,
                Caveats = latest.Caveats, ValidUntil = latest.ValidUntil < today.AddDays(14) ? today.AddDays(OfferDefaults.ValidDays) : latest.ValidUntil,
                EstimatedStartMonth = latest.EstimatedStartMonth, EstimatedDurationWeeks = latest.EstimatedDurationWeeks,
                VendorContactUserId = latest.VendorContactUserId, Language = latest.Language, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            copy.Activities.AddRange(latest.Activities.OrderBy(a => a.SortOrder).Select(a => new OfferActivity
            {
                Description = a.Description, PriceKind = a.PriceKind, Quantity = a.Quantity, Unit = a.Unit, UnitPrice = a.UnitPrice, FixedPrice = a.FixedPrice,
                DurationWeeks = a.DurationWeeks, SortOrder = a.SortOrder, PlanKey = a.PlanKey,
            }));
            copy.YearlyCosts.AddRange(latest.YearlyCosts.OrderBy(c => c.SortOrder).Select(c => new OfferYearlyCost
            {
                Description = c.Description, ProductId = c.ProductId, AmountPerYear = c.AmountPerYear, SortOrder = c.SortOrder,
            }));
            copy.Offer = await db.Offers.SingleAsync(o => o.Id == latest.OfferId, ct);
            db.Entry(copy.Offer).Property(o => o.Version).IsModified = true;
            db.OfferRevisions.Add(copy);
            try
            {
                await db.SaveChangesAsync(ct);
                return copy.Id;
            }
            catch (DbUpdateException)
            {
                // Two clicks at once: the other one made the draft.
                db.ChangeTracker.Clear();
                var draftId = await db.OfferRevisions.Where(x => x.OfferId == latest.OfferId && x.Status == OfferStatus.Draft).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
                return draftId is { } id ? id : Result.Conflict(null);
            }
        }
    }
}
