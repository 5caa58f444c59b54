using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Upgrades;

/// <summary>
/// A customer in operation's upgrades: the releases they have been told about (what, when, what is new, the webinar),
/// whether and by whom each was acknowledged, and their upgrade history. Their contacts acknowledge here; staff read it.
/// Another customer's page, or that of a customer not in operation, is not found.
/// </summary>
public static class CustomerUpgrades
{
    public sealed record Notice(int ReleaseId, string Product, string ProductVersion, ReleaseSize Size, DateOnly PlannedDate, DateOnly? DoneDate, string? Description,
        string? InfoUrl, DateTime? WebinarUtc, string? WebinarUrl, string? AcknowledgedBy, DateTime? AcknowledgedUtc);

    public sealed record HistoryRow(string Product, string? FromVersion, string ToVersion, DateOnly Date);

    public sealed record ViewModel(int CustomerId, string CustomerName, IReadOnlyList<Notice> Notices, IReadOnlyList<HistoryRow> History, bool CanAcknowledge);

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<ViewModel>> GetAsync(int customerId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(customerId, user, ct) is { } denied)
            {
                return denied;
            }

            var name = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Name).SingleAsync(ct);
            var notices = await db.UpgradeReleases.AsNoTracking()
                .Where(r => db.UpgradeNotices.Any(n => n.ReleaseId == r.Id && n.CustomerId == customerId))
                .OrderByDescending(r => r.PlannedDate)
                .Select(r => new
                {
                    r.Id, Product = r.Product!.Name, r.ProductVersion, r.Size, r.PlannedDate, r.DoneDate, r.Description, r.InfoUrl, r.WebinarUtc, r.WebinarUrl,
                    Ack = db.UpgradeAcknowledgements.Where(a => a.ReleaseId == r.Id && a.CustomerId == customerId).Select(a => new { a.ByName, a.AtUtc }).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var history = await db.CustomerUpgrades.AsNoTracking().Where(u => u.CustomerId == customerId)
                .Join(db.Products, u => u.ProductId, p => p.Id, (u, p) => new { u.Id, u.Date, p.Name, u.FromVersion, u.ToVersion })
                .OrderByDescending(u => u.Date).ThenByDescending(u => u.Id)
                .Select(u => new HistoryRow(u.Name, u.FromVersion, u.ToVersion, u.Date))
                .ToListAsync(ct);
            return new ViewModel(customerId, name,
                notices.Select(n => new Notice(n.Id, n.Product, n.ProductVersion, n.Size, n.PlannedDate, n.DoneDate, n.Description, n.InfoUrl, n.WebinarUtc, n.WebinarUrl, n.Ack?.ByName, n.Ack?.AtUtc)).ToList(),
                history, user.CustomerId() == customerId);
        }

        /// <summary>A contact of the customer acknowledges a release they were told about; a second time changes nothing.</summary>
        public async Task<Result<int>> AcknowledgeAsync(int customerId, int releaseId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(customerId, user, ct) is { } denied)
            {
                return denied;
            }

            if (!await db.UpgradeNotices.AnyAsync(n => n.ReleaseId == releaseId && n.CustomerId == customerId, ct))
            {
                return Result.NotFound;
            }

            if (user.CustomerId() != customerId)
            {
                return Result.Forbidden;
            }

            if (await db.UpgradeAcknowledgements.AnyAsync(a => a.ReleaseId == releaseId && a.CustomerId == customerId, ct))
            {
                return releaseId;
            }

            db.UpgradeAcknowledgements.Add(new UpgradeAcknowledgement
            {
                ReleaseId = releaseId, CustomerId = customerId, UserId = user.UserId(), ByName = user.DisplayName(), AtUtc = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A colleague acknowledged at the same moment: theirs stands.
                db.ChangeTracker.Clear();
            }

            return releaseId;
        }

        /// <summary>Not found unless the user may see the customer and the customer is in operation.</summary>
        private async Task<Failure?> CheckAsync(int customerId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.CustomerAsync(customerId, user, CustomerOperations.View, ct) is { } denied)
            {
                return denied;
            }

            return await OperationsCustomers.InOperation(db).AnyAsync(id => id == customerId, ct) ? null : Result.NotFound;
        }
    }
}
