using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Jobs;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>
/// Persists what <see cref="OfferRevision.EffectiveStatus"/> computes: just after midnight in Oslo, every sent revision
/// whose validity date has passed becomes <see cref="OfferStatus.Expired"/> (audited). Each offer is saved on its own and
/// bumps the offer row's version like sending and accepting do, so an acceptance at the same moment conflicts instead
/// of both landing; a revision someone else changed first is left for them. Running it twice changes nothing twice.
/// </summary>
public sealed partial class ExpireOffersJob(PortalDb db, TimeProvider clock, ILogger<ExpireOffersJob> logger) : IRecurringJob
{
    public string Id => "expire-offers";

    public string Cron => "15 0 * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var today = Display.TodayInOslo(clock);
        var ids = await db.OfferRevisions.AsNoTracking().Where(r => r.Status == OfferStatus.Sent && r.ValidUntil < today)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            var revision = await db.OfferRevisions.Include(r => r.Offer).SingleAsync(r => r.Id == id, ct);
            if (revision.EffectiveStatus(today) != OfferStatus.Expired || revision.Status != OfferStatus.Sent)
            {
                continue;
            }

            revision.Status = OfferStatus.Expired;
            db.Entry(revision.Offer!).Property(o => o.Version).IsModified = true;
            if (await db.TrySaveAsync(ct))
            {
                LogExpired(logger, revision.Offer!.Number, revision.Revision);
            }

            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer {Number} revision {Revision} expired")]
    private static partial void LogExpired(ILogger logger, string number, int revision);
}
