namespace MigrationPortal.Web.Domain;

/// <summary>An accepted project waiting for its start in the cloud queue (sky-køen).</summary>
public sealed class CloudQueueEntry : Versioned, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }

    /// <summary>1 is next. Positions are kept dense (1..n) by <see cref="CloudQueue"/>.</summary>
    public int Position { get; set; }
    public DateTime QueuedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }

    /// <summary>Why an admin last moved it; the move itself is in the audit trail.</summary>
    public string? MoveReason { get; set; }
}

/// <summary>Vendor-wide settings an administrator changes; one row.</summary>
public sealed class VendorSettings : Versioned, IAudited
{
    public int Id { get; set; }

    /// <summary>How many projects can start per month.</summary>
    public int ProjectStartsPerMonth { get; set; } = 2;

    /// <summary>The WebSak version a customer must run in the cloud; existing WebSak customers upgrade to it at go-live.</summary>
    public string RequiredWebSakVersion { get; set; } = "2026.1";

    /// <summary>How many days ahead of an annual-wheel meeting its invitation goes out.</summary>
    public int InvitationLeadDays { get; set; } = 28;

    /// <summary>How to reach the customer centre, shown on the cloud-customer page.</summary>
    public string? CustomerCentrePhone { get; set; }
    public string? CustomerCentreEmail { get; set; }
    public string? CustomerCentreHours { get; set; }
}

/// <summary>Expected start month from the queue position and the capacity.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "CloudQueue is the domain's word (sky-kø), see DOMAIN.md.")]
public static class CloudQueue
{
    /// <summary>
    /// The first of the month a project at <paramref name="position"/> (1-based) can expect to start: the
    /// queue starts next month, and each month takes <paramref name="perMonth"/> projects.
    /// </summary>
    public static DateOnly ExpectedStartMonth(int position, int perMonth, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perMonth, 1);
        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return next.AddMonths((position - 1) / perMonth);
    }

    /// <summary>
    /// The place each waiting project has: its rank by stored position, then by time queued. Two acceptances
    /// at the same moment may store the same position; the rank still runs 1..n.
    /// </summary>
    public static Dictionary<int, int> Ranks(IEnumerable<CloudQueueEntry> waiting) =>
        waiting.Where(e => e.StartedUtc is null).OrderBy(e => e.Position).ThenBy(e => e.QueuedUtc).ThenBy(e => e.Id)
            .Select((e, i) => (e.ProjectId, Rank: i + 1)).ToDictionary(x => x.ProjectId, x => x.Rank);

    /// <summary>Moves one entry to a new position and renumbers the others so positions stay 1..n.</summary>
    public static void Move(IList<CloudQueueEntry> waiting, CloudQueueEntry entry, int newPosition)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(entry);
        var ordered = waiting.OrderBy(e => e.Position).ThenBy(e => e.QueuedUtc).ThenBy(e => e.Id).ToList();
        ordered.Remove(entry);
        ordered.Insert(Math.Clamp(newPosition, 1, ordered.Count + 1) - 1, entry);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }
}
