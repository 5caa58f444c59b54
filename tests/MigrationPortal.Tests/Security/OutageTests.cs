using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using Npgsql;

namespace MigrationPortal.Tests.Security;

/// <summary>
/// The portal whose database can be made unreachable: on PostgreSQL for real (no connections allowed, the open ones
/// ended); on SQLite, which has no server to stop, by refusing to open connections as SQLite does when the file cannot
/// be opened.
/// </summary>
public sealed class OutageFactory : PortalFactory
{
    private readonly RefuseConnections refuse = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqlitePortalDb>(o => o.AddInterceptors(refuse)));
    }

    public async Task GoDownAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await PostgresAsync($"ALTER DATABASE \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" CONNECTION LIMIT 0; " +
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();");
        }
        else
        {
            refuse.Down = true;
        }
    }

    public async Task ComeBackAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await PostgresAsync($"ALTER DATABASE \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" CONNECTION LIMIT -1");
        }
        else
        {
            refuse.Down = false;
        }
    }

    /// <summary>As the database's owner, from the maintenance database (so the statement itself is not refused).</summary>
    private async Task PostgresAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("current_database()", $"'{new NpgsqlConnectionStringBuilder(ConnectionString).Database}'", StringComparison.Ordinal), connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class RefuseConnections : DbConnectionInterceptor
    {
        public volatile bool Down;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Down ? throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 14: 'unable to open database file'.", 14) : ValueTask.FromResult(result);

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            Down ? throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 14: 'unable to open database file'.", 14) : result;
    }
}

/// <summary>The database out of reach for a while (ASVS 16.5): a friendly page, /health says so, and the app recovers by itself.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class OutageTests(OutageFactory factory) : IClassFixture<OutageFactory>
{
    [Fact]
    public async Task While_the_database_is_away_pages_say_try_again_health_says_unhealthy_and_all_recovers_when_it_returns()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);
        using var anonymous = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);

        await factory.GoDownAsync();
        try
        {
            var (status, page) = await lead.GetPageAsync("/dashboard");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("Portalen er midlertidig utilgjengelig", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
            var health = await anonymous.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("Unhealthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await factory.ComeBackAsync();
        }

        // Nothing to restart: the next requests open new connections (a pooled one broken by the outage may fail once).
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 5 && recovered != HttpStatusCode.OK; i++)
        {
            recovered = (await anonymous.GetAsync("/health")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, recovered);
        var again = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 3 && again != HttpStatusCode.OK; i++)
        {
            again = (await lead.GetAsync("/dashboard")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, again);
    }
}
