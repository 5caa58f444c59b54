using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Offers;

namespace MigrationPortal.Tests.Offers;

/// <summary>The sales pipeline with more offers than fit a page: counted and valued by status over all of them, listed a page at a time.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class PipelineTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Extra = 40;

    private Task<int> SeedDraftsAsync() => factory.WithDbAsync(async db =>
    {
        if (await db.Offers.AnyAsync(o => o.Number.StartsWith("P-")))
        {
            return 0;
        }

        var project = await db.Projects.Where(p => p.Name.StartsWith("Kystverket")).Select(p => p.Id).SingleAsync();
        for (var i = 1; i <= Extra; i++)
        {
            var offer = new Offer { ProjectId = project, Number = $"P-{i:D4}", CreatedUtc = factory.UtcNow.AddMinutes(-i) };
            var revision = new OfferRevision { Revision = 1, Title = $"Sideprøve {i}", ValidUntil = factory.Today.AddDays(30), CreatedUtc = factory.UtcNow.AddMinutes(-i) };
            revision.Activities.Add(new OfferActivity { Description = "Migrering", PriceKind = PriceKind.Unit, Quantity = i, UnitPrice = 1000.05m });
            offer.Revisions.Add(revision);
            db.Offers.Add(offer);
        }

        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Drafts_are_counted_and_valued_over_all_of_them_and_listed_a_page_at_a_time()
    {
        await SeedDraftsAsync();
        var drafts = await factory.WithDbAsync(async db => (await db.OfferRevisions.AsNoTracking().Include(r => r.Activities)
                .Where(r => r.Status == OfferStatus.Draft && !db.OfferRevisions.Any(x => x.OfferId == r.OfferId && x.Status != OfferStatus.Draft)).ToListAsync())
            .Select(r => (r.Id, r.OneOffTotal)).ToList());
        Assert.True(drafts.Count > SalesPipeline.PageSize);
        using var sales = await factory.LoginAsync(Demo.Sales);

        var (_, first) = await sales.GetPageAsync("/offers?status=Draft");
        var (_, second) = await sales.GetPageAsync("/offers?status=Draft&page=2");

        var value = first.QuerySelectorAll("ul.list-inline li").Single(li => li.QuerySelector(".status-Draft") is not null);
        Assert.True(MoneyText.TryParse(value.QuerySelector("strong")!.TextContent, out var shown));
        Assert.Equal(drafts.Sum(d => d.OneOffTotal), shown);
        Assert.Contains($"({drafts.Count})", value.TextContent, StringComparison.Ordinal);
        var listed = new[] { first, second }.SelectMany(p => p.QuerySelectorAll("#offers-heading ~ div table tbody tr a[href^='/offers/']"))
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(SalesPipeline.PageSize, first.QuerySelectorAll("#offers-heading ~ div table tbody tr").Length);
        Assert.Equal(drafts.Select(d => d.Id).Order(), listed.Order());
        Assert.All(first.QuerySelectorAll("#offers-heading ~ div table tbody tr"), tr => Assert.NotNull(tr.QuerySelector(".status-Draft")));
        Assert.NotNull(first.QuerySelector("nav .pagination a[href*='page=2']"));
        Assert.Equal("page", second.QuerySelector(".pagination a[aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task The_open_leads_are_a_shortlist_with_a_link_to_all_of_them()
    {
        await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.Where(c => c.Name.StartsWith("Tromsø")).Select(c => c.Id).SingleAsync();
            db.Leads.AddRange(Enumerable.Range(1, 30).Select(i => new Lead { CustomerId = customer, Source = LeadSource.CustomerInquiry, CreatedUtc = factory.UtcNow.AddHours(-i), Notes = $"Lead {i}" }));
            return await db.SaveChangesAsync();
        });
        var open = await factory.WithDbAsync(db => db.Leads.CountAsync(l => l.Status == LeadStatus.Open));
        using var sales = await factory.LoginAsync(Demo.Sales);

        var (_, pipeline) = await sales.GetPageAsync("/offers");
        var (_, leads) = await sales.GetPageAsync("/leads?page=2");

        var section = pipeline.QuerySelector("#leads-heading")!.ParentElement!;
        Assert.Contains($"({open})", section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SalesPipeline.Shortlist, section.QuerySelectorAll("ul > li").Length);
        Assert.Equal(open - 25, leads.QuerySelectorAll("main table tbody tr").Length);
    }
}
