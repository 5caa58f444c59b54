using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
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
        var script = IdempotentScript(provider);

        Assert.Contains(createsProjects, script, StringComparison.Ordinal);
        Assert.Contains(guard, script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
    }

    private static string IdempotentScript(string provider)
    {
        using var db = Create(provider);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    /// <summary>
    /// T-SQL parse errors in <paramref name="script"/>, each with its line number and that line; the statements EF wraps
    /// in <c>EXEC(N'...')</c> (filtered unique indexes) are parsed too, as the server would when it runs them.
    /// </summary>
    private static List<string> TSqlErrors(string script, string where = "")
    {
        using var reader = new StringReader(script);
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        var lines = script.Split('\n');
        var found = errors.Select(e => $"{where}line {e.Line}, column {e.Column}: {e.Message} | {(e.Line >= 1 && e.Line <= lines.Length ? lines[e.Line - 1].Trim() : string.Empty)}").ToList();
        var dynamic = new DynamicSql();
        fragment?.Accept(dynamic);
        found.AddRange(dynamic.Statements.SelectMany(d => TSqlErrors(d.Sql, $"{where}EXEC at line {d.Line}, ")));
        return found;
    }

    private sealed class DynamicSql : TSqlFragmentVisitor
    {
        public List<(int Line, string Sql)> Statements { get; } = [];

        public override void ExplicitVisit(ExecutableStringList node) =>
            Statements.Add((node.StartLine, string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value))));
    }

    /// <summary>
    /// No SQL Server runs here, so the SQL Server path is proven without one: the idempotent migration script (what a
    /// deployment runs) must be valid T-SQL for SQL Server 2022 (TSql160). The app has no other raw SQL for SQL Server:
    /// its only raw statement is SQLite's PRAGMA in DatabaseSetup.MigrateAsync (Sqlite_database_runs_in_wal_mode).
    /// </summary>
    [Fact]
    public void The_sql_server_idempotent_script_is_valid_t_sql()
    {
        var script = IdempotentScript(nameof(SqlServerPortalDb));

        var errors = TSqlErrors(script);

        Assert.True(errors.Count == 0, $"{errors.Count} T-SQL parse error(s) in the SQL Server script:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void The_t_sql_check_reports_a_broken_statement_with_its_line()
    {
        var errors = TSqlErrors("CREATE TABLE [Ok] ([Id] int NOT NULL);\nGO\nALTER TABLE [Ok] ADD CONSTRAINT;\nGO\nEXEC(N'CREATE INDEX [IX] ON [Ok] ([Id]) WHERE');\n");

        Assert.Collection(
            errors,
            e => Assert.StartsWith("line 3,", e, StringComparison.Ordinal),
            e => Assert.StartsWith("EXEC at line 5, line 1,", e, StringComparison.Ordinal));
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
