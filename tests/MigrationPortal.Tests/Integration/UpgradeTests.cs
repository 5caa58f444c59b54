using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Jobs;

namespace MigrationPortal.Tests.Integration;

/// <summary>What the upgrade tests share: Tromsø put into operation (two contacts with logins), releases, the notices job.</summary>
public static class UpgradeSetup
{
    public static Task<int> CustomerAsync(PortalFactory factory, string prefix) =>
        factory.WithDbAsync(db => db.Customers.Where(c => c.Name.StartsWith(prefix)).Select(c => c.Id).SingleAsync());

    /// <summary>Tromsø's WebSak project goes into operation (the demo has it in intake).</summary>
    public static Task<int> TromsoInOperationAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
    {
        var project = await db.Projects.SingleAsync(p => p.Name.StartsWith("Tromsø"));
        project.Phase = Phase.Operations;
        await db.SaveChangesAsync();
        return await db.Customers.Where(c => c.Name.StartsWith("Tromsø")).Select(c => c.Id).SingleAsync();
    });

    public static Task<int> ReleaseAsync(PortalFactory factory, string productCode, string version, ReleaseSize size, DateOnly planned) => factory.WithDbAsync(async db =>
    {
        var release = new UpgradeRelease
        {
            ProductId = await db.Products.Where(p => p.Code == productCode).Select(p => p.Id).SingleAsync(), ProductVersion = version, Size = size, PlannedDate = planned,
            Description = "Ny arkivdel", InfoUrl = "https://leverandor.example/nytt", WebinarUtc = factory.UtcNow.AddDays(30), WebinarUrl = "https://webinar.example/1",
            CreatedUtc = factory.UtcNow,
        };
        db.UpgradeReleases.Add(release);
        await db.SaveChangesAsync();
        return release.Id;
    });

    public static async Task RunNoticesAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Id == "upgrade-notices");
        await job.RunAsync(CancellationToken.None);
    }

    public static Task<List<UpgradeNotice>> NoticesAsync(PortalFactory factory, int releaseId) =>
        factory.WithDbAsync(db => db.UpgradeNotices.AsNoTracking().Where(n => n.ReleaseId == releaseId).ToListAsync());

    public static Task<List<OutboxMessage>> MailsAsync(PortalFactory factory, int releaseId) =>
        factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"upgrade:{releaseId}:")).ToListAsync());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The notices job across weeks of a large release (its own factory: the clock moves).</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class UpgradeNoticeJobTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Notices_go_at_eight_and_two_weeks_to_customers_in_operation_on_the_product_once_and_one_reminder_to_those_who_did_not_acknowledge()
    {
        var tromso = await UpgradeSetup.TromsoInOperationAsync(factory);
        var alesund = await UpgradeSetup.CustomerAsync(factory, "Ålesund");
        var planned = factory.Today.AddDays(8 * 7 + 3);
        var release = await UpgradeSetup.ReleaseAsync(factory, "websak", "2027.1", ReleaseSize.Large, planned);
        var formsRelease = await UpgradeSetup.ReleaseAsync(factory, "forms", "5.0", ReleaseSize.Large, planned);

        // Too early: nothing.
        await UpgradeSetup.RunNoticesAsync(factory);
        Assert.Empty(await UpgradeSetup.NoticesAsync(factory, release));

        // Eight weeks before: Tromsø and Ålesund (in operation on WebSak), nobody in setup, intake or go-live; twice changes nothing.
        factory.Clock.Advance(TimeSpan.FromDays(3));
        await UpgradeSetup.RunNoticesAsync(factory);
        await UpgradeSetup.RunNoticesAsync(factory);
        var notices = await UpgradeSetup.NoticesAsync(factory, release);
        Assert.Equal(new[] { (alesund, "8w"), (tromso, "8w") }.Order(), notices.Select(n => (n.CustomerId, n.Stage)).Order().ToList());
        var mails = await UpgradeSetup.MailsAsync(factory, release);
        Assert.Equal(["ellen.aslaksen@tromso.kommune.example", "per.hansen@tromso.kommune.example", "ragnhild.stromme@alesund.kommune.example"], mails.Select(m => m.ToAddress).Order().ToList());
        Assert.All(mails, m => Assert.Equal(NotificationKind.UpgradeNotice, m.Kind));
        var mail = mails.OrderBy(m => m.ToAddress, StringComparer.Ordinal).First();
        Assert.Contains("2027.1", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("https://leverandor.example/nytt", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://webinar.example/1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example/customers/{tromso}/upgrades", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(await UpgradeSetup.NoticesAsync(factory, formsRelease));

        // A week later: no reminder yet (the two-week notice is still to come).
        factory.Clock.Advance(TimeSpan.FromDays(7));
        await UpgradeSetup.RunNoticesAsync(factory);
        Assert.Equal(2, (await UpgradeSetup.NoticesAsync(factory, release)).Count);

        // Two weeks before: the second notice; Tromsø acknowledges it.
        factory.Clock.Advance(TimeSpan.FromDays(5 * 7));
        await Task.WhenAll(UpgradeSetup.RunNoticesAsync(factory), UpgradeSetup.RunNoticesAsync(factory));
        notices = await UpgradeSetup.NoticesAsync(factory, release);
        Assert.Equal(2, notices.Count(n => n.Stage == "2w"));
        Assert.Equal(6, (await UpgradeSetup.MailsAsync(factory, release)).Count); // three contacts with a login, twice
        using (var per = await factory.LoginAsync(Demo.TromsoContact))
        {
            var ack = await per.PostFormAsync($"/customers/{tromso}/upgrades/{release}/acknowledge", []);
            Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        }

        // A week after the last notice: one reminder, to Ålesund only; then never again.
        factory.Clock.Advance(TimeSpan.FromDays(7));
        await UpgradeSetup.RunNoticesAsync(factory);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await UpgradeSetup.RunNoticesAsync(factory);
        var reminders = (await UpgradeSetup.NoticesAsync(factory, release)).Where(n => n.Stage == "reminder").ToList();
        Assert.Equal([alesund], reminders.Select(r => r.CustomerId).ToList());
        var all = await UpgradeSetup.MailsAsync(factory, release);
        Assert.Equal(7, all.Count);
        Assert.Equal(3, all.Count(m => m.ToAddress == "ragnhild.stromme@alesund.kommune.example"));
    }
}

[Trait(Suite.Name, Suite.Integration)]
public sealed class UpgradeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Dictionary<string, string?> Fields(int productId, string version, string planned, string? infoUrl = "https://leverandor.example/nytt", string? webinarUrl = null) => new()
    {
        ["ProductId"] = UpgradeSetup.Id(productId),
        ["ProductVersion"] = version,
        ["Size"] = "Large",
        ["PlannedDate"] = planned,
        ["Description"] = "Nytt arkiv",
        ["InfoUrl"] = infoUrl,
        ["WebinarDate"] = webinarUrl is null ? null : factory.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["WebinarTime"] = webinarUrl is null ? null : "13:00",
        ["WebinarUrl"] = webinarUrl,
        ["Version"] = "0",
    };

    private Task<int> ProductAsync(string code) => factory.WithDbAsync(db => db.Products.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Cloud_centre_registers_a_release_with_the_webinar_in_Oslo_time_and_sees_it_listed()
    {
        var websak = await ProductAsync("websak");
        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        var response = await siri.PostFormAsync("/upgrades/new", Fields(websak, "2028.1", factory.Today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), webinarUrl: "https://webinar.example/2"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.UpgradeReleases.AsNoTracking().SingleAsync(r => r.ProductVersion == "2028.1"));
        Assert.Equal(ReleaseSize.Large, saved.Size);
        Assert.Equal(factory.Today.AddDays(20).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), saved.WebinarUtc); // 13:00 in Oslo in winter
        var (status, page) = await siri.GetPageAsync("/upgrades");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2028.1", page.QuerySelector("#releases")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_links_and_a_date_in_year_one_are_refused_with_messages_and_nothing_saved()
    {
        var websak = await ProductAsync("websak");
        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        var response = await siri.PostFormAsync("/upgrades/new", Fields(websak, "2027.3", "0001-01-01", infoUrl: "http://leverandor.example/nytt", webinarUrl: "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        var errors = page.QuerySelector(".alert-danger, [role=alert]")!.TextContent;
        Assert.Contains("https://", errors, StringComparison.Ordinal);
        Assert.Contains("Planlagt dato", errors, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.UpgradeReleases.AnyAsync(r => r.ProductVersion == "2027.3")));
    }

    [Fact]
    public async Task Sales_and_customers_cannot_reach_the_release_pages()
    {
        using var sales = await factory.LoginAsync(Demo.Sales);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/upgrades")).StatusCode);
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        Assert.Equal(HttpStatusCode.Forbidden, (await per.GetAsync("/upgrades/new")).StatusCode);
    }

    [Fact]
    public async Task Marking_a_release_done_writes_each_customers_history_once_and_updates_the_version_they_run()
    {
        var alesund = await UpgradeSetup.CustomerAsync(factory, "Ålesund");
        var release = await UpgradeSetup.ReleaseAsync(factory, "websak", "2026.9", ReleaseSize.Small, factory.Today);
        var before = await factory.WithDbAsync(db => db.CustomerProducts.AsNoTracking().Where(cp => cp.CustomerId == alesund && cp.Product!.Code == "websak").Select(cp => cp.Version).SingleOrDefaultAsync());
        var version = UpgradeSetup.Id(await factory.WithDbAsync(db => db.UpgradeReleases.Where(r => r.Id == release).Select(r => r.Version).SingleAsync()));
        using var siri = await factory.LoginAsync(Demo.CloudCenter);

        var first = await siri.PostFormAsync($"/upgrades/{release}/done", new() { ["version"] = version });
        var second = await siri.PostFormAsync($"/upgrades/{release}/done", new() { ["version"] = version });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var history = await factory.WithDbAsync(db => db.CustomerUpgrades.AsNoTracking().Where(u => u.ReleaseId == release).ToListAsync());
        Assert.Equal(history.Count, history.Select(h => h.CustomerId).Distinct().Count());
        var row = Assert.Single(history, h => h.CustomerId == alesund);
        Assert.Equal((alesund, before, "2026.9", factory.Today), (row.CustomerId, row.FromVersion, row.ToVersion, row.Date));
        Assert.Equal("2026.9", await factory.WithDbAsync(db => db.CustomerProducts.Where(cp => cp.CustomerId == alesund && cp.Product!.Code == "websak").Select(cp => cp.Version).SingleAsync()));
        Assert.Equal(factory.Today, (await factory.WithDbAsync(db => db.UpgradeReleases.SingleAsync(r => r.Id == release))).DoneDate);
    }

    [Fact]
    public async Task A_contact_acknowledges_once_sees_the_history_and_another_customers_contact_gets_404()
    {
        var tromso = await UpgradeSetup.TromsoInOperationAsync(factory);
        var release = await UpgradeSetup.ReleaseAsync(factory, "websak", "2027.5", ReleaseSize.Small, factory.Today.AddDays(10));
        await factory.WithDbAsync(async db =>
        {
            db.UpgradeNotices.Add(new UpgradeNotice { ReleaseId = release, CustomerId = tromso, Stage = "2w", SentUtc = factory.UtcNow });
            db.CustomerUpgrades.Add(new CustomerUpgrade { CustomerId = tromso, ProductId = (await db.UpgradeReleases.SingleAsync(r => r.Id == release)).ProductId, FromVersion = "2022.3", ToVersion = "2026.1", Date = factory.Today.AddDays(-30) });
            return await db.SaveChangesAsync();
        });

        using var per = await factory.LoginAsync(Demo.TromsoContact);
        var (status, page) = await per.GetPageAsync($"/customers/{tromso}/upgrades");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2027.5", page.QuerySelector($"#notice-{release}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2022.3", page.QuerySelector("#upgrade-history")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await per.PostFormAsync($"/customers/{tromso}/upgrades/{release}/acknowledge", [])).StatusCode);
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        Assert.Equal(HttpStatusCode.Redirect, (await ellen.PostFormAsync($"/customers/{tromso}/upgrades/{release}/acknowledge", [])).StatusCode);
        var ack = Assert.Single(await factory.WithDbAsync(db => db.UpgradeAcknowledgements.AsNoTracking().Where(a => a.ReleaseId == release).ToListAsync()));
        Assert.Equal(("Per Hansen", tromso), (ack.ByName, ack.CustomerId));
        (_, page) = await ellen.GetPageAsync($"/customers/{tromso}/upgrades");
        Assert.Contains("Per Hansen", page.QuerySelector($"#notice-{release}")!.TextContent, StringComparison.Ordinal);

        // Another customer's contact: not found, to see or to acknowledge; a customer not in operation has no page.
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/customers/{tromso}/upgrades")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"/customers/{tromso}/upgrades/{release}/acknowledge", [])).StatusCode);
        var sorFron = await UpgradeSetup.CustomerAsync(factory, "Sør-Fron");
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/customers/{sorFron}/upgrades")).StatusCode);
    }
}
