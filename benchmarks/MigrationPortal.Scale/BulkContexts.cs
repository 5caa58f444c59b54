using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Scale;

/// <summary>
/// The app's own contexts (<see cref="SqlitePortalDb"/>, <see cref="PostgresPortalDb"/>, ...) for writing the scale data
/// in big batches: change detection off (PortalDb detects once per save), and two interceptors. PortalDb's save still
/// versions rows and folds search text; the audit rows it would write for every inserted row are left out, because the
/// generator writes the history itself with the times and people it happened at (see <see cref="DropAutomaticAudit"/>).
/// </summary>
internal sealed class BulkContexts(DatabaseProvider provider, string connectionString, TimeProvider clock)
{
    private readonly DbContextOptions sqliteOptions = Options<SqlitePortalDb>(provider, connectionString);

    public DatabaseProvider Provider => provider;

    /// <summary>A fresh context for one batch.</summary>
    public PortalDb Create()
    {
        PortalDb db = provider switch
        {
            DatabaseProvider.Sqlite => new SqlitePortalDb((DbContextOptions<SqlitePortalDb>)sqliteOptions) { Clock = clock },
            DatabaseProvider.Postgres => new PostgresPortalDb(Options<PostgresPortalDb>(provider, connectionString)) { Clock = clock },
            DatabaseProvider.SqlServer => new SqlServerPortalDb(Options<SqlServerPortalDb>(provider, connectionString)) { Clock = clock },
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        return db;
    }

    private static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        var b = DatabaseSetup.Configure(new DbContextOptionsBuilder<T>(), provider, connectionString);
        b.AddInterceptors(DropAutomaticAudit.Instance);
        if (provider == DatabaseProvider.Sqlite)
        {
            b.AddInterceptors(FastSqlite.Instance);
        }

        return b.Options;
    }
}

/// <summary>
/// PortalDb adds an audit row for every inserted row in a second save; the generator's inserts are not a user's
/// changes, so those rows are dropped here, before that save. The history the generator writes itself
/// (<see cref="AuditEntry"/> rows it adds with an explicit time) is marked by <see cref="Explicit"/> and kept.
/// </summary>
internal sealed class DropAutomaticAudit : SaveChangesInterceptor
{
    public static readonly DropAutomaticAudit Instance = new();

    /// <summary>The rows the generator writes itself, by reference.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AuditEntry, object> Kept = [];

    /// <summary>Marks an audit row as one the generator means to write.</summary>
    public static AuditEntry Explicit(AuditEntry entry)
    {
        Kept.AddOrUpdate(entry, Kept);
        return entry;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && !Kept.TryGetValue(e.Entity, out _)).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>During generation only: SQLite does not wait for the disk on every commit (the file is made from scratch; a crash means running again).</summary>
internal sealed class FastSqlite : DbConnectionInterceptor
{
    public static readonly FastSqlite Instance = new();

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";
        command.ExecuteNonQuery();
    }
}
