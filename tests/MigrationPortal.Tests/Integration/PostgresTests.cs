using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using Npgsql;

namespace MigrationPortal.Tests.Integration;

/// <summary>A fresh PostgreSQL database, created for this test class and dropped after it.</summary>
public sealed class PostgresPortalFactory : PortalFactory, IAsyncLifetime
{
    private static readonly string Database = $"mp_test_{Guid.NewGuid():N}";

    public PostgresPortalFactory()
        : base(DatabaseProvider.Postgres, TestEnvironment.Postgres is { } cs ? new NpgsqlConnectionStringBuilder(cs) { Database = Database }.ConnectionString : "Host=unset")
    {
    }

    public async Task InitializeAsync()
    {
        if (TestEnvironment.Postgres is null)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(TestEnvironment.Postgres);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (TestEnvironment.Postgres is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresTests(PostgresPortalFactory factory) : IClassFixture<PostgresPortalFactory>
{
    [PostgresFact]
    public async Task Migrations_apply_and_the_demo_data_round_trips_on_a_real_server()
    {
        TestEnvironment.RequirePostgres();
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (status, dashboard) = await lead.GetPageAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Gudbrandsdalen: WebSak og skjema i sky", dashboard.Body!.TextContent, StringComparison.Ordinal);
        var applied = await factory.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(await factory.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations())), applied);
        var customer = await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.OrgNumber == "975301001"));
        Assert.Equal("Ålesund kommune", customer.Name);
        Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Database.IsNpgsql())));
    }

    [PostgresFact]
    public async Task A_step_edit_saves_audits_and_conflicts_on_postgres_too()
    {
        TestEnvironment.RequirePostgres();
        var step = await factory.WithDbAsync(db => db.Steps.AsNoTracking().FirstAsync(s => s.TemplateKey == "setup.training"));
        using var lead = await factory.LoginAsync(Demo.Lead);
        Dictionary<string, string?> Fields(StepStatus status) => new()
        {
            ["Status"] = status.ToString(), ["PlannedStart"] = step.PlannedStart?.ToString("yyyy-MM-dd"), ["Due"] = step.Due?.ToString("yyyy-MM-dd"),
            ["Version"] = step.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var first = await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", Fields(StepStatus.Done));
        var second = await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", Fields(StepStatus.Blocked));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == step.Id));
        Assert.Equal(StepStatus.Done, saved.Status);
        Assert.Equal(DateTimeKind.Utc, saved.CompletedUtc!.Value.Kind);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Step" && a.Property == "Status" && a.NewValue == "Done")));
    }

    [PostgresFact]
    public async Task Customer_isolation_holds_on_postgres()
    {
        TestEnvironment.RequirePostgres();
        var foreign = await factory.WithDbAsync(db => db.Projects.Where(p => !p.Name.StartsWith("Gudbrandsdalen")).Select(p => p.Id).ToListAsync());
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        foreach (var id in foreign)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/projects/{id}")).StatusCode);
        }
    }
}
