using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class ProjectEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<(int WebSak, int Forms, int Fjellstol, int Hae, string Jonas)> IdsAsync() => factory.WithDbAsync(async db => (
        await db.Products.Where(p => p.Code == "websak").Select(p => p.Id).SingleAsync(),
        await db.Products.Where(p => p.Code == "forms").Select(p => p.Id).SingleAsync(),
        await db.Customers.Where(c => c.Name == "Fjellstøl Kraft AS").Select(c => c.Id).SingleAsync(),
        await db.Customers.Where(c => c.Name == "Hægebostad kommune").Select(c => c.Id).SingleAsync(),
        await db.Users.Where(u => u.Email == Demo.Lead2).Select(u => u.Id).SingleAsync()));

    private static FormUrlEncodedContent Form(IEnumerable<(string, string)> fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, List<(string, string)> fields)
    {
        // Repeated keys (CustomerIds, ProductIds) need a list, not a dictionary.
        fields.Add(("__RequestVerificationToken", await client.TokenAsync("/error/404")));
        using var content = Form(fields);
        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    [Fact]
    public async Task Sales_creates_a_joint_project_whose_steps_come_from_both_products_templates_once()
    {
        var ids = await IdsAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);

        var response = await PostAsync(sales, "/projects/new",
        [
            ("Name", "Agder-samarbeidet: skydrift"), ("Phase", "Intake"), ("Status", "Active"), ("LeadUserId", ids.Jonas), ("PlannedStart", "2027-01-04"), ("PlannedGoLive", "2027-06-21"),
            ("CustomerIds", $"{ids.Fjellstol}"), ("CustomerIds", $"{ids.Hae}"), ("ProductIds", $"{ids.WebSak}"), ("ProductIds", $"{ids.Forms}"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Steps).Include(p => p.Customers).SingleAsync(p => p.Name == "Agder-samarbeidet: skydrift"));
        Assert.Equal($"/projects/{project.Id}", response.Headers.Location!.ToString());
        Assert.Equal(2, project.Customers.Count);
        Assert.Single(project.Steps, s => s.TemplateKey == "setup.kickoff");
        Assert.Contains(project.Steps, s => s.TemplateKey == "setup.migration-websak");
        Assert.Contains(project.Steps, s => s.TemplateKey == "setup.migration-forms");
        Assert.Equal(new DateOnly(2027, 1, 4), project.Steps.Single(s => s.TemplateKey == "intake.initial-meeting").PlannedStart);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProjectId == project.Id && a.EntityType == "Project" && a.Action == "Created" && a.UserName == Demo.Sales)));
    }

    [Fact]
    public async Task A_project_without_customer_or_product_or_with_go_live_before_start_is_refused_and_not_saved()
    {
        using var sales = await factory.LoginAsync(Demo.Sales);

        var response = await PostAsync(sales, "/projects/new", [("Name", "Uten kunde"), ("PlannedStart", "2027-03-01"), ("PlannedGoLive", "2027-02-01")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("minst én kunde", page.QuerySelector("#CustomerIds-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("minst ett system", page.QuerySelector("#ProductIds-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("kan ikke være før planlagt start", page.QuerySelector("#PlannedGoLive-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Projects.AnyAsync(p => p.Name == "Uten kunde")));
    }

    [Fact]
    public async Task The_phase_is_not_a_form_field_a_posted_phase_is_ignored_and_a_stale_form_conflicts()
    {
        var ids = await IdsAsync();
        var project = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Customers).Include(p => p.Products).SingleAsync(p => p.Name.StartsWith("Tromsø")));
        using var lead = await factory.LoginAsync(Demo.Lead);
        List<(string, string)> Fields(string status) =>
        [
            ("Name", project.Name), ("Phase", "Operations"), ("Status", status), ("LeadUserId", ids.Jonas), ("Version", $"{project.Version}"),
            .. project.Customers.Select(c => ("CustomerIds", $"{c.CustomerId}")), .. project.Products.Select(p => ("ProductIds", $"{p.ProductId}")),
        ];

        var form = await lead.GetPageAsync($"/projects/{project.Id}/edit");
        var first = await PostAsync(lead, $"/projects/{project.Id}/edit", Fields("OnHold"));
        var stale = await PostAsync(lead, $"/projects/{project.Id}/edit", Fields("Active"));

        Assert.Null(form.Document.QuerySelector("[name=Phase]"));
        Assert.NotNull(form.Document.QuerySelector("#phase-note"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id));
        Assert.Equal(Phase.Intake, saved.Phase);
        Assert.Equal(ProjectStatus.OnHold, saved.Status);
        Assert.Equal(ids.Jonas, saved.LeadUserId);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProjectId == project.Id && a.Property == "Status" && a.OldValue == "Active" && a.NewValue == "OnHold")));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProjectId == project.Id && a.Property == "Phase")));
    }

    [Fact]
    public async Task Adding_a_product_to_a_project_adds_its_missing_steps_only()
    {
        var ids = await IdsAsync();
        var project = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Customers).Include(p => p.Steps).SingleAsync(p => p.Name.StartsWith("Kystverket")));
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await PostAsync(lead, $"/projects/{project.Id}/edit",
        [
            ("Name", project.Name), ("Phase", "Intake"), ("Status", "Active"), ("Version", $"{project.Version}"), ("PlannedStart", project.PlannedStart!.Value.ToString("yyyy-MM-dd")),
            .. project.Customers.Select(c => ("CustomerIds", $"{c.CustomerId}")), ("ProductIds", $"{ids.WebSak}"), ("ProductIds", $"{ids.Forms}"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var steps = await factory.WithDbAsync(db => db.Steps.AsNoTracking().Where(s => s.ProjectId == project.Id).ToListAsync());
        Assert.Equal(project.Steps.Count + 1, steps.Count);
        Assert.Single(steps, s => s.TemplateKey == "setup.migration-forms");
        Assert.Equal(steps.Count, steps.Select(s => s.TemplateKey).Distinct().Count());
    }
}
