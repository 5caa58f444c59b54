using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Operations;

/// <summary>The cloud-customer page: only for customers in operation (Ålesund) and staff; what the cloud centre writes is sanitised.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class CloudPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string AlesundContact = "ragnhild.stromme@alesund.kommune.example";

    /// <summary>Ragnhild Strømme, Ålesund kommune (in operation): a demo login.</summary>
    private Task<PortalClient> AlesundAsync() => factory.LoginAsync(AlesundContact);

    private static Dictionary<string, string?> News(string title, string markdown, int version = 0) => new()
    {
        ["Title"] = title, ["Markdown"] = markdown, ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_customer_in_operation_sees_the_page_with_its_upgrades_and_webinars_and_others_get_404()
    {
        var (websak, forms) = await factory.WithDbAsync(async db =>
        {
            var products = await db.Products.ToDictionaryAsync(p => p.Code, p => p.Id);
            db.UpgradeReleases.AddRange(
                new UpgradeRelease { ProductId = products["websak"], ProductVersion = "2027.1", Size = ReleaseSize.Large, PlannedDate = factory.Today.AddDays(40), InfoUrl = "https://example.org/2027-1", CreatedUtc = factory.UtcNow },
                new UpgradeRelease { ProductId = products["forms"], ProductVersion = "9.9", Size = ReleaseSize.Small, PlannedDate = factory.Today.AddDays(20), CreatedUtc = factory.UtcNow },
                new UpgradeRelease
                {
                    ProductId = products["websak"], ProductVersion = "2026.2", Size = ReleaseSize.Small, PlannedDate = factory.Today.AddDays(-10), DoneDate = factory.Today.AddDays(-10),
                    WebinarUtc = factory.UtcNow.AddDays(-12), WebinarUrl = "https://video.example/2026-2", CreatedUtc = factory.UtcNow.AddDays(-60)
                });
            var settings = await db.VendorSettings.FirstAsync();
            settings.CustomerCentrePhone = "+47 22 00 00 00";
            settings.CustomerCentreEmail = "kundesenter@leverandor.example";
            await db.SaveChangesAsync();
            return (products["websak"], products["forms"]);
        });
        Assert.NotEqual(websak, forms);
        using var ragnhild = await AlesundAsync();
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        using var sales = await factory.LoginAsync(Demo.Sales);

        var (status, page) = await ragnhild.GetPageAsync("/cloud");

        Assert.Equal(HttpStatusCode.OK, status);
        var upgrades = page.QuerySelector("#upgrades-heading")!.ParentElement!.TextContent;
        Assert.Contains("2027.1", upgrades, StringComparison.Ordinal);
        Assert.DoesNotContain("9.9", upgrades, StringComparison.Ordinal);
        Assert.DoesNotContain("2026.2", upgrades, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='https://video.example/2026-2']"));
        Assert.Contains("+47 22 00 00 00", page.QuerySelector("#customer-centre")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav a[href='/cloud']"));
        Assert.Null(page.QuerySelector("a[href='/cloud/news/new']"));

        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync("/cloud")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync("/cloud")).StatusCode);
        var (_, perHome) = await per.GetPageAsync("/my");
        Assert.Null(perHome.QuerySelector("nav a[href='/cloud']"));
        var (salesStatus, salesPage) = await sales.GetPageAsync("/cloud");
        Assert.Equal(HttpStatusCode.OK, salesStatus);
        Assert.Contains("9.9", salesPage.QuerySelector("#upgrades-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Only the cloud centre and admins write on it.
        Assert.Equal(HttpStatusCode.Forbidden, (await ragnhild.PostFormAsync("/cloud/news/new", News("Hei", "tekst"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostFormAsync("/cloud/news/new", News("Hei", "tekst"))).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.CloudNews.AnyAsync(n => n.Title == "Hei")));
    }

    [Fact]
    public async Task Script_and_dangerous_links_in_news_are_neutralised_on_the_page()
    {
        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        var (_, form) = await siri.GetPageAsync("/cloud/news/new");
        Assert.NotNull(form.QuerySelector("form[action='/cloud/news/new'] textarea[name=Markdown]"));
        var saved = await siri.PostFormAsync("/cloud/news/new", News("Ny versjon", "## Nytt\n\n**Viktig** <script>alert('x')</script>\n\n[klikk](javascript:alert(1)) <img src=x onerror=alert(1)> [les](https://example.org/les)"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var ragnhild = await AlesundAsync();

        var (_, page) = await ragnhild.GetPageAsync("/cloud");

        var id = await factory.WithDbAsync(db => db.CloudNews.Where(n => n.Title == "Ny versjon").Select(n => n.Id).SingleAsync());
        var body = page.QuerySelector($"#news-{id} .news-body")!;
        Assert.NotNull(body.QuerySelector("h2"));
        Assert.Equal("Viktig", body.QuerySelector("strong")!.TextContent);
        Assert.Empty(body.QuerySelectorAll("script, img, [onerror]"));
        Assert.All(body.QuerySelectorAll("a"), a => Assert.StartsWith("https://", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal("noopener noreferrer", body.QuerySelector("a")!.GetAttribute("rel"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Two_editors_of_one_news_item_get_a_conflict_and_bad_input_is_refused()
    {
        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        using var admin = await factory.LoginAsync(Demo.Admin);
        await siri.PostFormAsync("/cloud/news/new", News("Driftsmelding", "Planlagt vedlikehold."));
        var item = await factory.WithDbAsync(db => db.CloudNews.AsNoTracking().SingleAsync(n => n.Title == "Driftsmelding"));

        var first = await siri.PostFormAsync($"/cloud/news/{item.Id}/edit", News("Driftsmelding", "Vedlikehold lørdag.", item.Version));
        var second = await admin.PostFormAsync($"/cloud/news/{item.Id}/edit", News("Driftsmelding", "Vedlikehold søndag.", item.Version));
        var empty = await siri.PostFormAsync($"/cloud/news/{item.Id}/edit", News("", "", item.Version + 1));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = (await PortalClient.ParseAsync(second)).QuerySelector("#conflict")!.TextContent;
        Assert.Contains("Vedlikehold lørdag.", conflict, StringComparison.Ordinal);
        Assert.Contains("Vedlikehold søndag.", conflict, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Tittel må fylles ut", (await PortalClient.ParseAsync(empty)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Vedlikehold lørdag.", (await factory.WithDbAsync(db => db.CloudNews.AsNoTracking().SingleAsync(n => n.Id == item.Id))).Markdown);

        // Deleting with an old version is refused; with the current one it goes.
        var stale = await admin.PostFormAsync($"/cloud/news/{item.Id}/delete", new() { ["version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.CloudNews.AnyAsync(n => n.Id == item.Id)));
        var deleted = await admin.PostFormAsync($"/cloud/news/{item.Id}/delete", new() { ["version"] = (item.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.CloudNews.AnyAsync(n => n.Id == item.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await siri.GetAsync($"/cloud/news/{item.Id}/edit")).StatusCode);
    }

    [Fact]
    public async Task The_customer_centre_details_are_edited_with_a_check_of_the_address()
    {
        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        var (_, form) = await siri.GetPageAsync("/cloud/customer-centre");
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value");

        var bad = await siri.PostFormAsync("/cloud/customer-centre", new() { ["Version"] = version, ["CustomerCentreEmail"] = "ikke-en-adresse", ["CustomerCentreHours"] = "Hverdager 08–16" });
        var good = await siri.PostFormAsync("/cloud/customer-centre", new() { ["Version"] = version, ["CustomerCentrePhone"] = "+47 33 00 00 00", ["CustomerCentreEmail"] = "hjelp@leverandor.example", ["CustomerCentreHours"] = "Hverdager 08–16" });

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("gyldig e-postadresse", (await PortalClient.ParseAsync(bad)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var settings = await factory.WithDbAsync(db => db.VendorSettings.AsNoTracking().FirstAsync());
        Assert.Equal("hjelp@leverandor.example", settings.CustomerCentreEmail);
        Assert.Equal("Hverdager 08–16", settings.CustomerCentreHours);
        using var ragnhild = await AlesundAsync();
        var (_, page) = await ragnhild.GetPageAsync("/cloud");
        Assert.Contains("hjelp@leverandor.example", page.QuerySelector("#customer-centre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ragnhild.GetAsync("/cloud/customer-centre")).StatusCode);
    }
}
