using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

/// <summary>Concurrency at the database, search beyond ASCII, health without internal steps, links from configuration.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class RobustnessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Every_entity_a_person_edits_has_its_version_as_a_concurrency_token()
    {
        using var db = new SqlitePortalDbFactory().CreateDbContext([]);

        var versioned = db.Model.GetEntityTypes().Where(t => typeof(Versioned).IsAssignableFrom(t.ClrType)).ToList();

        Assert.Contains(versioned, t => t.ClrType == typeof(Step));
        Assert.Contains(versioned, t => t.ClrType == typeof(OfferRevision));
        Assert.All(versioned, t => Assert.True(t.FindProperty(nameof(Versioned.Version))!.IsConcurrencyToken, t.ClrType.Name));
    }

    [Fact]
    public async Task The_database_refuses_a_save_based_on_a_version_someone_else_already_changed()
    {
        var id = await factory.WithDbAsync(db => db.Steps.Select(s => s.Id).FirstAsync());
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<PortalDb>();
        var b = scopeB.ServiceProvider.GetRequiredService<PortalDb>();
        var stepA = await a.Steps.SingleAsync(s => s.Id == id);
        var stepB = await b.Steps.SingleAsync(s => s.Id == id);

        stepA.Title = "Endret av A";
        await a.SaveChangesAsync();
        stepB.Title = "Endret av B";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
        Assert.Equal("Endret av A", (await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == id))).Title);
    }

    [Theory]
    [InlineData("ålesund", "Ålesund kommune: Skydrift")]
    [InlineData("ÆRUM", "Bærum kommune: skjemaverktøy i sky")]
    [InlineData("Sør-fron", "Gudbrandsdalen: WebSak og skjema i sky")]
    public async Task Search_finds_names_with_norwegian_letters_in_any_case(string term, string expected)
    {
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (_, page) = await lead.GetPageAsync("/dashboard?q=" + Uri.EscapeDataString(term));

        Assert.Contains(expected, page.QuerySelectorAll("main table tbody a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_customer_sees_health_computed_only_from_steps_they_can_see()
    {
        var projectId = await factory.WithDbAsync(async db =>
        {
            var internalStep = await db.Steps.SingleAsync(s => s.TemplateKey == "setup.servers" && s.Project!.Name.StartsWith("Gudbrandsdalen"));
            internalStep.SetStatus(StepStatus.InProgress, factory.UtcNow);
            internalStep.Due = factory.Today.AddDays(-30);
            await db.SaveChangesAsync();
            return internalStep.ProjectId;
        });
        using var lead = await factory.LoginAsync(Demo.Lead);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var (_, staffPage) = await lead.GetPageAsync($"/projects/{projectId}");
        var (_, customerPage) = await kari.GetPageAsync($"/projects/{projectId}");

        Assert.Equal("Forsinket", staffPage.QuerySelector(".health")!.TextContent);
        Assert.NotEqual("Forsinket", customerPage.QuerySelector(".health")!.TextContent);
    }

    [Fact]
    public async Task Reset_links_use_the_configured_address_whatever_host_the_request_names()
    {
        using var client = factory.Client();
        client.Http.DefaultRequestHeaders.Host = "evil.example";

        await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = Demo.Lead2 }, tokenFrom: "/account/login");

        var (_, link) = Assert.Single(await factory.AccountMailsAsync(Demo.Lead2));
        Assert.StartsWith("https://portal.example/account/reset-password?", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_responses_carry_hsts_outside_development()
    {
        using var client = factory.Client();
        client.Http.BaseAddress = new Uri("https://portal.example/");

        var response = await client.GetAsync("/account/login");

        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_only_a_projects_customers_bumps_its_version_so_a_stale_form_cannot_put_one_back()
    {
        var project = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Customers).Include(p => p.Products).SingleAsync(p => p.Name.StartsWith("Gudbrandsdalen")));
        using var lead = await factory.LoginAsync(Demo.Lead);
        List<(string, string)> Fields(IEnumerable<int> customers, string goLive) =>
        [
            ("Name", project.Name), ("Phase", project.Phase.ToString()), ("Status", "Active"), ("LeadUserId", project.LeadUserId!), ("Version", $"{project.Version}"),
            ("PlannedStart", project.PlannedStart!.Value.ToString("yyyy-MM-dd")), ("PlannedGoLive", goLive),
            .. customers.Select(c => ("CustomerIds", $"{c}")), .. project.Products.Select(p => ("ProductIds", $"{p.ProductId}")),
        ];
        var all = project.Customers.Select(c => c.CustomerId).ToList();

        var removed = await PostAsync(lead, $"/projects/{project.Id}/edit", Fields(all.Skip(1), project.PlannedGoLive!.Value.ToString("yyyy-MM-dd")));
        var stale = await PostAsync(lead, $"/projects/{project.Id}/edit", Fields(all, project.PlannedGoLive!.Value.AddDays(14).ToString("yyyy-MM-dd")));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(all.Count - 1, await factory.WithDbAsync(db => db.ProjectCustomers.CountAsync(pc => pc.ProjectId == project.Id)));
    }

    [Fact]
    public async Task A_meeting_in_the_hour_skipped_by_summer_time_is_refused_with_a_message()
    {
        var projectId = await factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith("Bærum")).Select(p => p.Id).SingleAsync());
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.PostFormAsync($"/projects/{projectId}/meetings/new", new() { ["Kind"] = "Other", ["Title"] = "Natt til søndag", ["Date"] = "2027-03-28", ["Start"] = "02:30", ["End"] = "03:30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sommertid", (await PortalClient.ParseAsync(response)).QuerySelector("#Start-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_admins_editing_one_user_conflict_instead_of_overwriting()
    {
        var user = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == Demo.CloudCenter));
        using var admin = await factory.LoginAsync(Demo.Admin);
        Dictionary<string, string?> Fields(bool active) => new()
        {
            ["DisplayName"] = user.DisplayName, ["Email"] = user.Email, ["Role"] = Roles.CloudCenter, ["IsActive"] = active ? "true" : "false", ["ConcurrencyStamp"] = user.ConcurrencyStamp,
        };

        var first = await admin.PostFormAsync($"/admin/users/{user.Id}", Fields(active: false));
        var second = await admin.PostFormAsync($"/admin/users/{user.Id}", Fields(active: true));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False((await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).IsActive);
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, List<(string, string)> fields)
    {
        fields.Add(("__RequestVerificationToken", await client.TokenAsync("/error/404")));
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
