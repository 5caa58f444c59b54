using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class AdminTemplateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_product_with_its_own_templates_gives_new_projects_steps()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);
        await admin.PostFormAsync("/admin/products/new", new() { ["Name"] = "Møtebok", ["Code"] = "motebok", ["IsActive"] = "true" });
        var productId = await factory.WithDbAsync(db => db.Products.Where(p => p.Code == "motebok").Select(p => p.Id).SingleAsync());

        var created = await admin.PostFormAsync($"/admin/products/{productId}/templates/new", new()
        {
            ["Title"] = "Oppsett av møtebok", ["Key"] = "setup.motebok", ["Phase"] = "Setup", ["Responsible"] = "Vendor", ["OffsetDays"] = "14", ["DurationDays"] = "10", ["SortOrder"] = "5", ["CustomerVisible"] = "true",
        });
        var customerId = await factory.WithDbAsync(db => db.Customers.Where(c => c.Name == "Hægebostad kommune").Select(c => c.Id).SingleAsync());
        var token = await admin.TokenAsync("/error/404");
        using var content = new FormUrlEncodedContent(
        [
            new("Name", "Hægebostad: møtebok"), new("Phase", "Intake"), new("Status", "Active"), new("PlannedStart", "2027-02-01"),
            new("CustomerIds", $"{customerId}"), new("ProductIds", $"{productId}"), new("__RequestVerificationToken", token),
        ]);
        var project = await admin.Http.PostAsync(new Uri("/projects/new", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, project.StatusCode);
        var step = await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Project!.Name == "Hægebostad: møtebok"));
        Assert.Equal("Oppsett av møtebok", step.Title);
        Assert.Equal(new DateOnly(2027, 2, 15), step.PlannedStart);
        Assert.Equal(new DateOnly(2027, 2, 25), step.Due);
    }

    [Fact]
    public async Task A_duplicate_key_or_negative_offset_is_refused()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);
        var websak = await factory.WithDbAsync(db => db.Products.Where(p => p.Code == "websak").Select(p => p.Id).SingleAsync());
        var before = await factory.WithDbAsync(db => db.StepTemplates.CountAsync());

        var duplicate = await admin.PostFormAsync($"/admin/products/{websak}/templates/new", new() { ["Title"] = "Kopi", ["Key"] = "setup.kickoff", ["Phase"] = "Setup", ["Responsible"] = "Vendor", ["OffsetDays"] = "1", ["DurationDays"] = "1", ["SortOrder"] = "1" });
        var negative = await admin.PostFormAsync($"/admin/products/{websak}/templates/new", new() { ["Title"] = "Negativ", ["Key"] = "setup.neg", ["Phase"] = "Setup", ["Responsible"] = "Vendor", ["OffsetDays"] = "-5", ["DurationDays"] = "1", ["SortOrder"] = "1" });

        Assert.Contains("allerede en mal", (await PortalClient.ParseAsync(duplicate)).QuerySelector("#Key-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("mellom 0 og 3650", (await PortalClient.ParseAsync(negative)).QuerySelector("#OffsetDays-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.StepTemplates.CountAsync()));
    }

    [Fact]
    public async Task Deleting_a_template_keeps_the_steps_made_from_it()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);
        var template = await factory.WithDbAsync(db => db.StepTemplates.AsNoTracking().SingleAsync(t => t.Key == "ops.status-meeting" && t.Product!.Code == "websak"));
        var steps = await factory.WithDbAsync(db => db.Steps.CountAsync(s => s.TemplateKey == "ops.status-meeting"));

        var response = await admin.PostFormAsync($"/admin/products/{template.ProductId}/templates/{template.Id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.StepTemplates.AnyAsync(t => t.Id == template.Id)));
        Assert.Equal(steps, await factory.WithDbAsync(db => db.Steps.CountAsync(s => s.TemplateKey == "ops.status-meeting")));
        Assert.True(steps > 0);
    }
}
