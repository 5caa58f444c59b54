using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>What sales sees of the cloud queue while writing: its length and where a new project would land.</summary>
public sealed record QueueInfo(int Waiting, int PerMonth, DateOnly ExpectedStartIfAcceptedNow);

internal static class OfferQueue
{
    public static async Task<QueueInfo> QueueInfoAsync(this PortalDb db, DateOnly today, CancellationToken ct)
    {
        var waiting = await db.CloudQueue.CountAsync(q => q.StartedUtc == null, ct);
        var perMonth = await db.StartsPerMonthAsync(ct);
        return new QueueInfo(waiting, perMonth, CloudQueue.ExpectedStartMonth(waiting + 1, perMonth, today));
    }
}
