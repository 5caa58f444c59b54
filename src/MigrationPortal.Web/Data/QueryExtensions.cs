using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Data;

public static class QueryExtensions
{
    /// <summary>
    /// Phases are stored by name (readable in the database), so the journey's order is spelled out here
    /// rather than left to the alphabet.
    /// </summary>
    public static IOrderedQueryable<Project> OrderByPhase(this IQueryable<Project> projects) =>
        projects.OrderBy(p => p.Phase == Phase.Intake ? 1 : p.Phase == Phase.Setup ? 2 : p.Phase == Phase.GoLive ? 3 : 4);

    /// <summary>How many projects can start per month (vendor settings), never less than one.</summary>
    public static async Task<int> StartsPerMonthAsync(this PortalDb db, CancellationToken ct) =>
        await db.VendorSettings.Select(s => s.ProjectStartsPerMonth).FirstOrDefaultAsync(ct) is var n and > 0 ? n : 1;

    /// <summary>The project's place in the cloud queue and the month it can expect to start, or null when it is not waiting.</summary>
    public static async Task<(int Place, DateOnly ExpectedStart)?> QueuePlaceAsync(this PortalDb db, int projectId, DateOnly today, CancellationToken ct)
    {
        var places = await db.QueuePlacesAsync([projectId], ct);
        return places.TryGetValue(projectId, out var place) ? (place, CloudQueue.ExpectedStartMonth(place, await db.StartsPerMonthAsync(ct), today)) : null;
    }

    /// <summary>
    /// The places in the cloud queue of those of these projects that wait: each one's rank over the whole queue (stored
    /// position, then time queued, then id, as <see cref="CloudQueue.Ranks"/>), counted in the database, one query.
    /// </summary>
    public static Task<Dictionary<int, int>> QueuePlacesAsync(this PortalDb db, IReadOnlyCollection<int> projectIds, CancellationToken ct) =>
        db.CloudQueue.AsNoTracking().Where(q => q.StartedUtc == null && projectIds.Contains(q.ProjectId))
            .Select(q => new
            {
                q.ProjectId,
                Rank = 1 + db.CloudQueue.Count(o => o.StartedUtc == null
                    && (o.Position < q.Position || (o.Position == q.Position && (o.QueuedUtc < q.QueuedUtc || (o.QueuedUtc == q.QueuedUtc && o.Id < q.Id))))),
            })
            .ToDictionaryAsync(q => q.ProjectId, q => q.Rank, ct);
}
