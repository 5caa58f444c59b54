using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class DashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static List<string> Projects(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main table tbody tr td:first-child a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task Projects_are_grouped_by_phase_in_the_order_of_the_journey_with_health()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (status, page) = await lead.GetPageAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, status);
        var headings = page.QuerySelectorAll("main section h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["1. Innledning og kartlegging", "2. Etablering, testing og opplæring", "3. Driftssetting", "4. Drift og forvaltning"], headings.Take(4));
        var vestland = page.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("Vestland fylkeskommune: WebSak og skjema", StringComparison.Ordinal));
        Assert.Contains("Forsinket", vestland.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jonas Åsheim", vestland.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?q=938821003", "Gudbrandsdalen: WebSak og skjema i sky")]
    [InlineData("?q=938 821 003", "Gudbrandsdalen: WebSak og skjema i sky")]
    [InlineData("?q=ringebu", "Gudbrandsdalen: WebSak og skjema i sky")]
    [InlineData("?q=TROMSØ", "Tromsø kommune: WebSak til Skydrift")]
    [InlineData("?phase=GoLive", "Bærum kommune: skjemaverktøy i sky")]
    [InlineData("?phase=Operations", "Ålesund kommune: Skydrift")]
    public async Task Search_and_phase_filter_find_the_right_project(string query, string expected)
    {
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (_, page) = await lead.GetPageAsync("/dashboard" + query);

        Assert.Equal([expected], Projects(page));
    }

    [Fact]
    public async Task Product_and_lead_filters_combine()
    {
        var (forms, jonas) = await factory.WithDbAsync(async db => (
            await db.Products.Where(p => p.Code == "forms").Select(p => p.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == Demo.Lead2).Select(u => u.Id).SingleAsync()));
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (_, page) = await lead.GetPageAsync($"/dashboard?product={forms}&lead={jonas}");

        Assert.Equal(new[] { "Bærum kommune: skjemaverktøy i sky", "Vestland fylkeskommune: WebSak og skjema" }, Projects(page).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_nonsense_filter_shows_everything_instead_of_failing()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (status, page) = await lead.GetPageAsync("/dashboard?phase=banana&page=-4&product=x");

        Assert.Equal(HttpStatusCode.OK, status);
        var total = await factory.WithDbAsync(db => db.Projects.CountAsync());
        Assert.Equal($"{total} prosjekter", page.QuerySelector("main [role=status]")!.TextContent);
        Assert.Equal("Verdien «banana» er ikke gyldig for Fase.", page.QuerySelector("#Phase-error")!.TextContent);
        Assert.Equal("Verdien «x» er ikke gyldig for Produkt.", page.QuerySelector("#Product-error")!.TextContent);
    }

    [Fact]
    public async Task Many_projects_are_paged_twenty_at_a_time()
    {
        await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Name == "Fjellstøl Kraft AS");
            for (var i = 1; i <= 25; i++)
            {
                var p = new Project { Name = $"Paging {i:D2}", Phase = Phase.Intake };
                p.Customers.Add(new ProjectCustomer { CustomerId = customer.Id });
                db.Projects.Add(p);
            }

            return await db.SaveChangesAsync();
        });
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (_, first) = await lead.GetPageAsync("/dashboard?q=Paging");
        var (_, second) = await lead.GetPageAsync("/dashboard?q=Paging&page=2");

        Assert.Equal(20, Projects(first).Count);
        Assert.Equal(5, Projects(second).Count);
        Assert.Empty(Projects(first).Intersect(Projects(second)));
        Assert.Equal("page", first.QuerySelector(".pagination [aria-current]")!.GetAttribute("aria-current"));
    }
}
