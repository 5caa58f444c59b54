using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Offers;

/// <summary>The cloud queue in pages of 25: places and expected starts stay those of the whole queue, and a move reaches any place.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class QueuePagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo Nb = new("nb-NO");

    /// <summary>Thirty more projects waiting (each with a customer of its own), behind what the demo has: 31 or more in all.</summary>
    private async Task<List<(int Id, int Version, string Project)>> SeedQueueAsync()
    {
        await factory.WithDbAsync(async db =>
        {
            if (await db.Projects.AnyAsync(p => p.Name.StartsWith("Køprosjekt")))
            {
                return 0;
            }

            var position = await db.CloudQueue.Where(q => q.StartedUtc == null).MaxAsync(q => (int?)q.Position) ?? 0;
            var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
            for (var i = 1; i <= 30; i++)
            {
                var project = new Project { Name = $"Køprosjekt {i:D2}", Phase = Phase.Setup, CreatedUtc = factory.UtcNow };
                project.Customers.Add(new ProjectCustomer { CustomerId = customer.Id });
                db.CloudQueue.Add(new CloudQueueEntry { Project = project, Position = ++position, QueuedUtc = factory.UtcNow.AddDays(-40 + i) });
            }

            return await db.SaveChangesAsync();
        });
        return await WaitingAsync();
    }

    private Task<List<(int Id, int Version, string Project)>> WaitingAsync() => factory.WithDbAsync(async db =>
        (await db.CloudQueue.AsNoTracking().Where(q => q.StartedUtc == null).OrderBy(q => q.Position).ThenBy(q => q.QueuedUtc).ThenBy(q => q.Id)
            .Select(q => new { q.Id, q.Version, q.Project!.Name }).ToListAsync()).Select(q => (q.Id, q.Version, q.Name)).ToList());

    private static List<string> Places(IHtmlDocument page) => page.QuerySelectorAll("ol.queue li .queue-pos").Select(e => e.TextContent.Trim()).ToList();

    private static List<string> Projects(IHtmlDocument page) => page.QuerySelectorAll("ol.queue li a.fw-semibold").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_queue_shows_25_a_page_with_the_places_and_expected_months_of_the_whole_queue()
    {
        var waiting = await SeedQueueAsync();
        Assert.True(waiting.Count > 30);
        var perMonth = await factory.WithDbAsync(db => db.VendorSettings.Select(s => s.ProjectStartsPerMonth).FirstAsync());
        string Month(int place) => CloudQueue.ExpectedStartMonth(place, perMonth, factory.Today).ToString("MMMM yyyy", Nb);
        using var admin = await factory.LoginAsync(Demo.Admin);

        var (status, first) = await admin.GetPageAsync("/queue");
        var (_, second) = await admin.GetPageAsync("/queue?page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Enumerable.Range(1, 25).Select(n => $"{n}"), Places(first));
        Assert.Equal(waiting.Take(25).Select(w => w.Project), Projects(first));
        Assert.Equal(Enumerable.Range(1, 25).Select(Month), first.QuerySelectorAll("ol.queue li strong").Select(s => s.TextContent));
        Assert.Equal(Enumerable.Range(26, waiting.Count - 25).Select(n => $"{n}"), Places(second));
        Assert.Equal(waiting.Skip(25).Select(w => w.Project), Projects(second));
        Assert.Equal(Enumerable.Range(26, waiting.Count - 25).Select(Month), second.QuerySelectorAll("ol.queue li strong").Select(s => s.TextContent));
        Assert.Contains($"{waiting.Count} prosjekter venter", first.Body!.TextContent, StringComparison.Ordinal);
        // The customers are read for the page's projects: each row names its own.
        var customer = await factory.WithDbAsync(db => db.Customers.OrderBy(c => c.Id).Select(c => c.Name).FirstAsync());
        var seeded = second.QuerySelectorAll("ol.queue li .flex-grow-1").Where(e => e.QuerySelector("a")!.TextContent.StartsWith("Køprosjekt", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(seeded);
        Assert.All(seeded, e => Assert.StartsWith($"{customer} ·", e.QuerySelector("div.small")!.TextContent, StringComparison.Ordinal));

        // The pager: page 1 links on to page 2, page 2 back to page 1; the page shown is marked as current.
        Assert.Equal("/queue?page=2", first.QuerySelector("nav .pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("nav .pagination a[rel=prev]"));
        Assert.Equal("1", first.QuerySelector("nav .pagination a[aria-current=page]")!.TextContent);
        Assert.Equal("/queue?page=1", second.QuerySelector("nav .pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("2", second.QuerySelector("nav .pagination a[aria-current=page]")!.TextContent);

        // A move may name any place in the queue, not only those on the page.
        Assert.Equal($"{waiting.Count}", first.QuerySelector("ol.queue li input[name=NewPosition]")!.GetAttribute("max"));
    }

    [Theory]
    [InlineData("/queue?page=0")]
    [InlineData("/queue?page=-3")]
    [InlineData("/queue?page=abc")]
    public async Task A_page_that_is_not_a_page_number_shows_the_first(string url)
    {
        await SeedQueueAsync();
        using var admin = await factory.LoginAsync(Demo.Admin);

        var (status, page) = await admin.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Enumerable.Range(1, 25).Select(n => $"{n}"), Places(page));
    }

    [Fact]
    public async Task A_move_reaches_across_pages_and_lands_on_the_page_that_shows_the_new_place()
    {
        var waiting = await SeedQueueAsync();
        using var admin = await factory.LoginAsync(Demo.Admin);
        var last = waiting[^1];

        var up = await admin.PostFormAsync($"/queue/{last.Id}/move", new() { ["NewPosition"] = "2", ["Reason"] = "Frist i lov", ["Version"] = $"{last.Version}" });

        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal("/queue?page=1", up.Headers.Location!.OriginalString);
        var (_, first) = await admin.GetPageAsync("/queue");
        Assert.Equal(last.Project, Projects(first)[1]);

        var firstOnPage = (await WaitingAsync())[0];
        var down = await admin.PostFormAsync($"/queue/{firstOnPage.Id}/move", new() { ["NewPosition"] = "28", ["Reason"] = "Kunden ba om utsettelse", ["Version"] = $"{firstOnPage.Version}" });

        Assert.Equal("/queue?page=2", down.Headers.Location!.OriginalString);
        var (_, second) = await admin.GetPageAsync("/queue?page=2");
        Assert.Equal(firstOnPage.Project, Projects(second)[2]);
        Assert.Equal("28", Places(second)[2]);
        var after = await WaitingAsync();
        Assert.Equal(waiting.Count, after.Count);
        Assert.Equal(firstOnPage.Id, after[27].Id);
    }
}
