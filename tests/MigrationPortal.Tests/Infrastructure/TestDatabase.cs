using MigrationPortal.Web.Data;
using Npgsql;

namespace MigrationPortal.Tests.Infrastructure;

/// <summary>
/// One empty database of the provider a test run chose (<see cref="TestEnvironment.Provider"/>), owned by one
/// <see cref="PortalFactory"/>: a fresh SQLite file, or a fresh PostgreSQL database created on
/// <see cref="CreateAsync"/> and dropped (with its connections) on <see cref="DropAsync"/>. The app migrates it at start.
/// </summary>
public sealed class TestDatabase
{
    private readonly string? sqliteFile;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string? file = null)
    {
        Provider = provider;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var dir = Path.Combine(Path.GetTempPath(), "mp-tests");
                Directory.CreateDirectory(dir);
                sqliteFile = file ?? Path.Combine(dir, $"{Guid.NewGuid():N}.db");
                ConnectionString = $"Data Source={sqliteFile}";
                break;
            case DatabaseProvider.Postgres:
                postgresName = $"mp_test_{Guid.NewGuid():N}";
                ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Database = postgresName }.ConnectionString;
                break;
            default:
                throw new NotSupportedException($"{provider} cannot run here (no server); its migrations are proven by MigrationTests.");
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A new database of the provider chosen by MP_TEST_PROVIDER (SQLite unless it says Postgres).</summary>
    public static TestDatabase ForTestRun() => new(TestEnvironment.Provider);

    /// <summary>
    /// A SQLite database whatever the run's provider, for what only the embedded database has (its backup): a new file, or
    /// <paramref name="file"/> as it is (a restored backup). Deleted on <see cref="DropAsync"/>, with the job store's file beside it.
    /// </summary>
    public static TestDatabase Sqlite(string? file = null) => new(DatabaseProvider.Sqlite, file);

    public async Task CreateAsync()
    {
        if (postgresName is not null)
        {
            await AdminAsync($"CREATE DATABASE \"{postgresName}\"");
        }
    }

    public async Task DropAsync()
    {
        if (postgresName is not null)
        {
            await using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await AdminAsync($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
        }

        if (sqliteFile is not null)
        {
            var jobs = MigrationPortal.Web.Infrastructure.Jobs.JobsSetup.SqliteStoragePath(ConnectionString);
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm", jobs, jobs + "-wal", jobs + "-shm" })
            {
                try
                {
                    File.Delete(f);
                }
                catch (IOException)
                {
                    // A pooled connection may still hold the file; the temp folder is cleaned eventually.
                }
            }
        }
    }

    /// <summary>
    /// Runs a CREATE or DROP DATABASE on the server's maintenance database. Test classes create and drop databases in
    /// parallel, and PostgreSQL refuses some of these when they collide on the catalog (a CREATE copying template1 while
    /// another session touches it, a DROP racing a concurrent catalog update), so a refused statement is tried again
    /// a few times before the failure is reported.
    /// </summary>
    private static async Task AdminAsync(string sql)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = new NpgsqlConnection(TestEnvironment.RequirePostgres());
                await admin.OpenAsync();
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 6 && e.SqlState is not PostgresErrorCodes.DuplicateDatabase)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
