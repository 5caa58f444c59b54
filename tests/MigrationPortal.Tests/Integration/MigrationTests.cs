using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Integration;

/// <summary>The three migration sets stay in step with the model; the server scripts generate without a server.</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers() => new() { nameof(SqlitePortalDb), nameof(SqlServerPortalDb), nameof(PostgresPortalDb) };

    private static PortalDb Create(string name) => name switch
    {
        nameof(SqlitePortalDb) => new SqlitePortalDbFactory().CreateDbContext([]),
        nameof(SqlServerPortalDb) => new SqlServerPortalDbFactory().CreateDbContext([]),
        nameof(PostgresPortalDb) => new PostgresPortalDbFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void No_provider_has_pending_model_changes(string provider)
    {
        using var db = Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run scripts/add-migration.sh");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations_by_name()
    {
        string[] Names(string p)
        {
            using var db = Create(p);
            return db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToArray();
        }

        var sqlite = Names(nameof(SqlitePortalDb));
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, Names(nameof(SqlServerPortalDb)));
        Assert.Equal(sqlite, Names(nameof(PostgresPortalDb)));
    }

    [Theory]
    [InlineData(nameof(SqlServerPortalDb), "CREATE TABLE [Projects]", "IF NOT EXISTS")]
    [InlineData(nameof(PostgresPortalDb), "CREATE TABLE \"Projects\"", "IF NOT EXISTS")]
    public void Idempotent_script_generates_for_the_server_providers(string provider, string createsProjects, string guard)
    {
        using var db = Create(provider);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains(createsProjects, script, StringComparison.Ordinal);
        Assert.Contains(guard, script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mp-wal-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqlitePortalDb>().UseSqlite($"Data Source={file};Pooling=False").Options;
        await using (var db = new SqlitePortalDb(options))
        {
            await DatabaseSetup.MigrateAsync(db);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        }

        File.Delete(file);
    }
}
