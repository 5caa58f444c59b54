using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Upgrades;

/// <summary>
/// A release has been rolled out: it gets its done date, and every customer in operation on the product gets a history
/// row (from the version they ran to the release's) and now runs the new version. The release's version guards a double
/// click; the unique (customer, release) index keeps the history to one row each.
/// </summary>
public static class MarkReleaseDone
{
    public sealed class Handler(PortalDb db, TimeProvider clock)
    {
        public async Task<Result<int>> RunAsync(int releaseId, int version, CancellationToken ct)
        {
            var release = await db.UpgradeReleases.SingleOrDefaultAsync(r => r.Id == releaseId, ct);
            if (release is null)
            {
                return Result.NotFound;
            }

            if (release.DoneDate is not null)
            {
                return Result.Refused("Upgrade.AlreadyDone");
            }

            var today = Display.TodayInOslo(clock);
            var customerIds = await OperationsCustomers.InOperationOn(db, release.ProductId).ToListAsync(ct);
            var installed = await db.CustomerProducts.Where(cp => cp.ProductId == release.ProductId && customerIds.Contains(cp.CustomerId)).ToListAsync(ct);
            var already = await db.CustomerUpgrades.Where(u => u.ReleaseId == release.Id).Select(u => u.CustomerId).ToListAsync(ct);
            foreach (var customerId in customerIds.Except(already))
            {
                var current = installed.SingleOrDefault(cp => cp.CustomerId == customerId);
                db.CustomerUpgrades.Add(new CustomerUpgrade
                {
                    CustomerId = customerId, ProductId = release.ProductId, FromVersion = current?.Version, ToVersion = release.ProductVersion, Date = today, ReleaseId = release.Id,
                });
                if (current is null)
                {
                    db.CustomerProducts.Add(new CustomerProduct { CustomerId = customerId, ProductId = release.ProductId, Version = release.ProductVersion });
                }
                else
                {
                    current.Version = release.ProductVersion;
                }
            }

            release.DoneDate = today;
            db.ExpectVersion(release, version);
            if (await db.TrySaveAsync(ct))
            {
                return release.Id;
            }

            return Result.Refused("Common.Conflict");
        }
    }
}
