using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Tests.Offers;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Pdf;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// Where SQLite, PostgreSQL and SQL Server behave differently, checked on the provider of the run (both passes):
/// decimals, case in Norwegian letters, transactions. Concurrency tokens are in StepEditTests, CustomerTests and
/// RobustnessTests; DateTime kinds in StepEditTests.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class ProviderDifferenceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> KystverketAsync() => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith("Kystverket")).Select(p => p.Id).SingleAsync());

    private static async Task<decimal> PipelineValueAsync(PortalClient sales, OfferStatus status)
    {
        var (_, page) = await sales.GetPageAsync("/offers");
        var text = page.QuerySelectorAll("ul.list-inline li").Single(li => li.QuerySelector($".status-{status}") is not null).QuerySelector("strong")!.TextContent;
        Assert.True(MoneyText.TryParse(text, out var value), text);
        return value;
    }

    [Fact]
    public async Task Offer_totals_with_ore_are_exact_on_the_offer_and_in_the_pipeline()
    {
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await OfferFlowTests.CreateDraftAsync(sales, await KystverketAsync());
        var before = await factory.WithDbAsync(db => db.OfferRevisions.AsNoTracking().Include(r => r.Activities).SingleAsync(r => r.Id == id));
        var draftsBefore = await PipelineValueAsync(sales, OfferStatus.Draft);

        var response = await sales.PostFormAsync($"/offers/{id}/edit", new()
        {
            ["Version"] = $"{before.Version}", ["Title"] = "Øresummer", ["ValidUntil"] = factory.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Language"] = "nb-NO",
            ["Activities[0].Description"] = "Kurs", ["Activities[0].PriceKind"] = "Unit", ["Activities[0].Quantity"] = "3", ["Activities[0].UnitPrice"] = "333,33",
            ["Activities[1].Description"] = "Reise", ["Activities[1].PriceKind"] = "Unit", ["Activities[1].Quantity"] = "0,5", ["Activities[1].UnitPrice"] = "0,03",
            ["Activities[2].Description"] = "Avrunding", ["Activities[2].PriceKind"] = "Fixed", ["Activities[2].FixedPrice"] = "0,01",
            ["Activities[3].Description"] = "Lisens", ["Activities[3].PriceKind"] = "Fixed", ["Activities[3].FixedPrice"] = "1 234 567,89",
            ["YearlyCosts[0].Description"] = "Drift", ["YearlyCosts[0].AmountPerYear"] = "1 234,56",
            ["YearlyCosts[1].Description"] = "Støtte", ["YearlyCosts[1].AmountPerYear"] = "0,44",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.OfferRevisions.AsNoTracking().Include(r => r.Activities).Include(r => r.YearlyCosts).SingleAsync(r => r.Id == id));

        // 999,99 + 0,02 (0,015 rounded away from zero) + 0,01 + 1 234 567,89; every amount read back with its øre.
        Assert.Equal([999.99m, 0.02m, 0.01m, 1_234_567.89m], saved.Activities.OrderBy(a => a.SortOrder).Select(a => a.Total));
        Assert.Equal(1_235_567.91m, saved.OneOffTotal);
        Assert.Equal(1_235.00m, saved.YearlyTotal);
        var (_, page) = await sales.GetPageAsync($"/offers/{id}");
        var text = page.Body!.TextContent.Replace('\u00A0', ' ');
        Assert.Contains("kr 1 235 567,91", text, StringComparison.Ordinal);
        Assert.Contains("kr 1 235,00", text, StringComparison.Ordinal);
        Assert.Equal(draftsBefore - before.OneOffTotal + 1_235_567.91m, await PipelineValueAsync(sales, OfferStatus.Draft));
    }

    [Theory]
    [InlineData("ØYER", "Øyer kommune")]
    [InlineData("øyer", "Øyer kommune")]
    [InlineData("TRETTEN", "Øyer kommune")]
    [InlineData("HÆGEBOSTAD", "Hægebostad kommune")]
    [InlineData("ålesund", "Ålesund kommune")]
    [InlineData("SØR-FRON", "Sør-Fron kommune")]
    [InlineData("mOSJØEN", "Vefsn kommune")]
    public async Task Customer_search_ignores_case_in_norwegian_letters(string term, string expected)
    {
        await factory.WithDbAsync(async db =>
        {
            if (!await db.Customers.AnyAsync(c => c.OrgNumber == "961381096"))
            {
                db.Customers.Add(new Customer { Name = "Øyer kommune", OrgNumber = "961381096", Type = CustomerType.Municipality, City = "Tretten" });
                await db.SaveChangesAsync();
            }

            return 0;
        });
        using var sales = await factory.LoginAsync(Demo.Sales);

        var (status, page) = await sales.GetPageAsync("/customers?q=" + Uri.EscapeDataString(term));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, page.QuerySelectorAll("main table tbody a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Sending_an_offer_whose_pdf_fails_halfway_leaves_nothing_saved()
    {
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await OfferFlowTests.CreateDraftAsync(sales, await KystverketAsync());
        var before = await factory.WithDbAsync(db => db.OfferRevisions.AsNoTracking().Include(r => r.Offer).SingleAsync(r => r.Id == id));

        // The same database, with a PDF renderer that fails: the status change is already saved inside the send's transaction when it throws.
        using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPdfRenderer, FailingRenderer>()));
        using var brokenSales = PortalClient.For(broken);
        await brokenSales.LoginAsync(Demo.Sales);
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var response = await brokenSales.PostFormAsync($"/offers/{id}/send", new() { ["version"] = $"{before.Version}" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var after = await factory.WithDbAsync(db => db.OfferRevisions.AsNoTracking().Include(r => r.Offer).SingleAsync(r => r.Id == id));
        Assert.Equal(OfferStatus.Draft, after.Status);
        Assert.Null(after.SentUtc);
        Assert.Null(after.PdfContent);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Offer!.Version, after.Offer!.Version);
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // The working app sends the same draft afterwards.
        var retry = await sales.PostFormAsync($"/offers/{id}/send", new() { ["version"] = $"{before.Version}" });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(OfferStatus.Sent, (await factory.WithDbAsync(db => db.OfferRevisions.AsNoTracking().SingleAsync(r => r.Id == id))).Status);
    }

    /// <summary>Without a unique last sort key, rows that tie may come back in another order for each page (PostgreSQL's bounded sort does).</summary>
    [Fact]
    public async Task Paging_through_projects_and_customers_that_share_a_name_shows_each_exactly_once()
    {
        var (projectIds, customerIds) = await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Name == "Fjellstøl Kraft AS");
            var projects = Enumerable.Range(0, 25).Select(_ => new Project { Name = "Samme navn", Phase = Phase.Intake }).ToList();
            projects.ForEach(p => p.Customers.Add(new ProjectCustomer { CustomerId = customer.Id }));
            var customers = Enumerable.Range(0, 30).Select(i => new Customer { Name = "Samme AS", OrgNumber = $"99{i:D7}" }).ToList();
            db.Projects.AddRange(projects);
            db.Customers.AddRange(customers);
            await db.SaveChangesAsync();
            return (projects.Select(p => $"/projects/{p.Id}").ToHashSet(), customers.Select(c => $"/customers/{c.Id}").ToHashSet());
        });
        using var lead = await factory.LoginAsync(Demo.Lead);

        async Task<List<string>> LinksAsync(string url, string prefix) =>
            (await lead.GetPageAsync(url)).Document.QuerySelectorAll($"main table tbody a[href^='{prefix}']").Select(a => a.GetAttribute("href")!).ToList();

        var projects = (await LinksAsync("/dashboard?q=Samme+navn", "/projects/")).Concat(await LinksAsync("/dashboard?q=Samme+navn&page=2", "/projects/")).ToList();
        var customers = (await LinksAsync("/customers?q=Samme+AS", "/customers/")).Concat(await LinksAsync("/customers?q=Samme+AS&page=2", "/customers/")).ToList();

        Assert.Equal(projectIds.Order(), projects.Order());
        Assert.Equal(customerIds.Order(), customers.Order());
    }

    private sealed class FailingRenderer : IPdfRenderer
    {
        public byte[] Render(PdfDocumentModel document) => throw new InvalidOperationException("The PDF renderer failed (test).");
    }
}
