namespace MigrationPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Scheduled work (sending the outbox, planning the annual wheel, reminders). Every implementation is registered with
/// Hangfire under <see cref="Id"/> on <see cref="Cron"/> (Europe/Oslo). A run must be idempotent on business keys: safe to
/// run twice, and on two nodes at once (unique keys in the database decide, not luck).
/// </summary>
public interface IRecurringJob
{
    string Id { get; }

    /// <summary>A cron expression, e.g. <c>Cron.Daily(5)</c> or "*/1 * * * *".</summary>
    string Cron { get; }

    Task RunAsync(CancellationToken ct);
}
