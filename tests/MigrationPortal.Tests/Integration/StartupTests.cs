using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Integration;

/// <summary>An installation without demo data, as in production.</summary>
public sealed class ProductionLikeFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "false");
    }
}

[Trait(Suite.Name, Suite.Integration)]
public sealed class StartupTests(ProductionLikeFactory factory) : IClassFixture<ProductionLikeFactory>
{
    [Fact]
    public async Task Without_demo_data_the_database_has_only_reference_data_and_the_login_page_shows_no_demo_password()
    {
        using var client = factory.Client();

        var (status, login) = await client.GetPageAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(DemoData.DemoPassword, login.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(login.QuerySelector("#demo-heading"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Customers.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(5, await factory.WithDbAsync(db => db.Roles.CountAsync()));
        Assert.Equal(["fokus", "forms", "websak"], await factory.WithDbAsync(db => db.Products.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Products.Where(p => p.Code == "fokus").Select(p => p.IsActive).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.StepTemplates.CountAsync()) > 20);
    }
}

[Trait(Suite.Name, Suite.Integration)]
public sealed class DemoStartupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task With_demo_data_the_login_page_lists_a_login_for_every_role()
    {
        using var client = factory.Client();

        var (_, login) = await client.GetPageAsync("/account/login");

        var demo = login.QuerySelector("#demo-heading")!.ParentElement!.TextContent;
        Assert.Contains(DemoData.DemoPassword, demo, StringComparison.Ordinal);
        foreach (var role in new[] { "Administrator", "Salg", "Prosjektleder", "Skysenter", "Kundekontakt" })
        {
            Assert.Contains(role, demo, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Migrations_apply_and_the_demo_data_round_trips_on_the_provider_of_the_run()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (status, dashboard) = await lead.GetPageAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Gudbrandsdalen: WebSak og skjema i sky", dashboard.Body!.TextContent, StringComparison.Ordinal);
        var applied = await factory.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(await factory.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations())), applied);
        var customer = await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.OrgNumber == "975301001"));
        Assert.Equal("Ålesund kommune", customer.Name);
        Assert.Equal(TestEnvironment.Provider, factory.Provider);
        Assert.True(await factory.WithDbAsync(db => Task.FromResult(factory.Provider switch
        {
            DatabaseProvider.Sqlite => db.Database.IsSqlite(),
            DatabaseProvider.Postgres => db.Database.IsNpgsql(),
            _ => false,
        })));
    }

    [Fact]
    public async Task Demo_data_is_realistic_nine_plus_valid_customers_a_joint_project_and_every_phase()
    {
        var (customers, joint, phases) = await factory.WithDbAsync(async db => (
            await db.Customers.Select(c => c.OrgNumber).ToListAsync(),
            await db.Projects.Where(p => p.Customers.Count >= 3).CountAsync(),
            await db.Projects.Select(p => p.Phase).Distinct().CountAsync()));

        Assert.True(customers.Count >= 8);
        Assert.All(customers, o => Assert.True(MigrationPortal.Web.Domain.OrgNumber.IsValid(o), o));
        Assert.Equal(1, joint);
        Assert.Equal(4, phases);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        var before = await factory.WithDbAsync(async db => (await db.Customers.CountAsync(), await db.Projects.CountAsync(), await db.Steps.CountAsync(), await db.Users.CountAsync(), await db.StepTemplates.CountAsync(), await db.Meetings.CountAsync()));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
            await demo.SeedReferenceDataAsync();
            await demo.SeedAsync(printLogins: false);
        }

        Assert.Equal(before, await factory.WithDbAsync(async db => (await db.Customers.CountAsync(), await db.Projects.CountAsync(), await db.Steps.CountAsync(), await db.Users.CountAsync(), await db.StepTemplates.CountAsync(), await db.Meetings.CountAsync())));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Products.CountAsync()));
    }
}
