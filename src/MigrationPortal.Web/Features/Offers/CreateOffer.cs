using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>A new offer for a project, with sensible defaults in the customer's language and a start estimate from the queue.</summary>
public static class CreateOffer
{
    public sealed class Handler(PortalDb db, OfferAccess access, IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        /// <summary>Creates the offer and returns its first revision's id.</summary>
        public async Task<Result<int>> CreateAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.CheckProjectAsync(projectId, user, ProjectOperations.EditOffers, ct) is { } denied)
            {
                return denied;
            }

            if (await db.OfferRevisions.AnyAsync(r => r.Offer!.ProjectId == projectId && r.Status == OfferStatus.Accepted, ct))
            {
                return Result.Refused("Offer.ProjectHasAccepted");
            }

            var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
                .Select(p => new
                {
                    p.Name,
                    Language = p.Customers.OrderBy(c => c.CustomerId).Select(c => c.Customer!.PreferredLanguage).FirstOrDefault(),
                    Products = p.Products.Select(pp => pp.Product!).ToList(),
                })
                .SingleAsync(ct);
            var today = Display.TodayInOslo(clock);
            var queue = await db.QueueInfoAsync(today, ct);
            var language = project.Language ?? LocalizationSetup.DefaultCulture;
            var now = clock.GetUtcNow().UtcDateTime;
            OfferRevision revision;
            using (new CultureScope(language))
            {
                revision = OfferDefaults.NewDraft(project.Name, project.Products, language, queue.Waiting, today, queue.ExpectedStartIfAcceptedNow, user.UserId(), now, key => l[key]);
            }

            // Numbers are per year and unique; two people creating at once retry with the next number.
            for (var attempt = 0; ; attempt++)
            {
                var prefix = $"T-{today.Year}-";
                var count = await db.Offers.CountAsync(o => o.Number.StartsWith(prefix), ct);
                var offer = new Offer { ProjectId = projectId, Number = $"{prefix}{count + 1 + attempt:D4}", CreatedUtc = now };
                offer.Revisions.Add(revision);
                db.Offers.Add(offer);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return revision.Id;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.Entry(offer).State = EntityState.Detached;
                    db.Entry(revision).State = EntityState.Detached;
                }
            }
        }
    }
}
