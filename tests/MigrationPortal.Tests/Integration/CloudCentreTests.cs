using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Wheel;
using MigrationPortal.Web.Infrastructure.Jobs;

namespace MigrationPortal.Tests.Integration;

/// <summary>The cloud centre's start page, the wheel page and meeting requests, with Bærum in operation beside Ålesund.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class CloudCentreTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string BaerumContact = "thomas.gronli@baerum.kommune.example";

    private int baerum, alesund, gudbrandsdalen, vefsn;

    public async Task InitializeAsync()
    {
        (baerum, alesund, gudbrandsdalen, vefsn) = await factory.WithDbAsync(async db =>
        {
            var ids = await db.Projects.ToDictionaryAsync(p => p.Name.Split(' ')[0], p => p.Id);
            var b = await db.Projects.SingleAsync(p => p.Id == ids["Bærum"]);
            if (b.Phase != Phase.Operations)
            {
                b.Phase = Phase.Operations;
                b.HandoverAcceptedUtc = factory.UtcNow.AddDays(-20);
                var v = await db.Projects.SingleAsync(p => p.Id == ids["Vefsn"]);
                v.Phase = Phase.GoLive;
                v.HandoverRequestedUtc = factory.UtcNow.AddDays(-1);
                v.HandoverRequestedByName = "Marte Lead";
                var websak = await db.Products.SingleAsync(p => p.Code == "websak");
                db.UpgradeReleases.Add(new UpgradeRelease { ProductId = websak.Id, ProductVersion = "2026.4", Size = ReleaseSize.Large, PlannedDate = factory.Today.AddDays(30), CreatedUtc = factory.UtcNow });
                db.UpgradeReleases.Add(new UpgradeRelease { ProductId = websak.Id, ProductVersion = "2027.9", Size = ReleaseSize.Small, PlannedDate = factory.Today.AddDays(200), CreatedUtc = factory.UtcNow });
                await db.SaveChangesAsync();
            }

            return (ids["Bærum"], ids["Ålesund"], ids["Gudbrandsdalen:"], ids["Vefsn"]);
        });
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IRecurringJob>().OfType<AnnualWheelJob>().Single().PlanAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_cloud_centre_lands_on_its_start_page_with_customers_meetings_upgrades_handovers_and_requests()
    {
        await factory.WithDbAsync(db =>
        {
            db.MeetingRequests.Add(new MeetingRequest { ProjectId = alesund, RequestedByName = "Ola Ålesund", Topic = "Arkivplan for 2027", CreatedUtc = factory.UtcNow, Status = MeetingRequestStatus.Open });
            return db.SaveChangesAsync();
        });
        using var cloud = await factory.LoginAsync(Demo.CloudCenter);

        var landing = await cloud.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/cloud-centre", landing.Headers.Location!.OriginalString);
        var (status, page) = await cloud.GetPageAsync("/cloud-centre");

        Assert.Equal(HttpStatusCode.OK, status);
        var customers = page.QuerySelector("#customers-in-operation")!.TextContent;
        Assert.Contains("Ålesund kommune", customers, StringComparison.Ordinal);
        Assert.Contains("Bærum kommune", customers, StringComparison.Ordinal);
        Assert.DoesNotContain("Tromsø", customers, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#customers-in-operation a[href='/operations/{alesund}/wheel']"));
        var meetings = page.QuerySelector("#meetings")!.ParentElement!.TextContent;
        Assert.Contains("Kundesentermøte 4. kvartal 2026", meetings, StringComparison.Ordinal);
        var upgrades = page.QuerySelector("#upgrades")!.ParentElement!.TextContent;
        Assert.Contains("2026.4", upgrades, StringComparison.Ordinal);
        Assert.DoesNotContain("2027.9", upgrades, StringComparison.Ordinal); // beyond 90 days
        Assert.NotNull(page.QuerySelector($"#handovers + ul a[href='/projects/{vefsn}/golive']"));
        Assert.Contains("Arkivplan for 2027", page.QuerySelector("#requests")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var (adminStatus, _) = await (await factory.LoginAsync(Demo.Admin)).GetPageAsync("/cloud-centre");
        Assert.Equal(HttpStatusCode.OK, adminStatus);
        var (overview, list) = await cloud.GetPageAsync("/cloud-centre/customers?page=9");
        Assert.Equal(HttpStatusCode.OK, overview);
        Assert.Equal(2, list.QuerySelectorAll("#customers-in-operation tbody tr").Length);
    }

    [Theory]
    [InlineData(Demo.Sales)]
    [InlineData(Demo.Lead)]
    [InlineData(Demo.SorFronContact)]
    public async Task Others_may_not_open_the_cloud_centre(string who)
    {
        using var client = await factory.LoginAsync(who);
        foreach (var url in new[] { "/cloud-centre", "/cloud-centre/customers" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase) == true, $"{who} {url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_customer_sees_its_own_wheel_drawn_and_listed_and_nobody_elses()
    {
        using var thomas = await factory.LoginAsync(BaerumContact);

        var (status, page) = await thomas.GetPageAsync($"/operations/{baerum}/wheel");

        Assert.Equal(HttpStatusCode.OK, status);
        var svg = page.QuerySelector("svg.wheel[role=img]")!;
        Assert.NotNull(svg.QuerySelector("title"));
        Assert.Equal(12, svg.QuerySelectorAll("line.wheel-spoke").Length);
        Assert.Equal("nov", svg.QuerySelector("text.wheel-now")!.TextContent);
        var rows = page.QuerySelectorAll("#wheel-items tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Kundesentermøte 4. kvartal 2026", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Kundesentermøte 1. kvartal 2027", StringComparison.Ordinal) && r.Contains("15. feb. 2027", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("statusmøte", StringComparison.OrdinalIgnoreCase)); // November 2027, past the twelve months drawn
        Assert.DoesNotContain(rows, r => r.Contains("2026.4", StringComparison.Ordinal)); // a WebSak upgrade; Bærum runs the forms tool only
        Assert.Equal(svg.QuerySelectorAll(".wheel-mark").Length, rows.Count);

        Assert.Equal(HttpStatusCode.NotFound, (await thomas.GetAsync($"/operations/{alesund}/wheel")).StatusCode);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/operations/{gudbrandsdalen}/wheel")).StatusCode); // not in operation
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/operations/{baerum}/wheel")).StatusCode);
    }

    [Fact]
    public async Task A_customer_in_operation_asks_for_a_meeting_and_the_cloud_centre_plans_it()
    {
        using var thomas = await factory.LoginAsync(BaerumContact);
        var url = $"/operations/{baerum}/meeting-requests/new";
        Assert.Equal(HttpStatusCode.OK, (await thomas.GetAsync(url)).StatusCode);

        var empty = await thomas.PostFormAsync(url, new() { ["Topic"] = "  ", ["PreferredDate"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull((await PortalClient.ParseAsync(empty)).QuerySelector("#Topic-error"));
        var past = await thomas.PostFormAsync(url, new() { ["Topic"] = "Skjema", ["PreferredDate"] = "2026-11-01" });
        Assert.Contains("tilbake i tid", (await PortalClient.ParseAsync(past)).QuerySelector("#PreferredDate-error")!.TextContent, StringComparison.Ordinal);
        var bad = await thomas.PostFormAsync(url, new() { ["Topic"] = "Skjema", ["PreferredDate"] = "banan" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.MeetingRequests.AnyAsync(r => r.ProjectId == baerum && r.Topic == "Skjema")));

        var sent = await thomas.PostFormAsync(url, new() { ["Topic"] = "Nye skjema for byggesak", ["PreferredDate"] = "2026-12-03" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var request = await factory.WithDbAsync(db => db.MeetingRequests.AsNoTracking().SingleAsync(r => r.Topic == "Nye skjema for byggesak"));
        Assert.Equal((baerum, MeetingRequestStatus.Open, new DateOnly(2026, 12, 3), "Thomas Grønli"), (request.ProjectId, request.Status, request.PreferredDate, request.RequestedByName));

        // Another customer's contact: 404 on Bærum's form, 403 on their own project that is not in operation.
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync(url, new() { ["Topic"] = "Inntrenger" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.GetAsync($"/operations/{gudbrandsdalen}/meeting-requests/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostFormAsync($"/operations/{gudbrandsdalen}/meeting-requests/new", new() { ["Topic"] = "Møte" })).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.MeetingRequests.AnyAsync(r => r.Topic == "Inntrenger" || r.Topic == "Møte")));
        Assert.Equal(HttpStatusCode.Forbidden, (await thomas.GetAsync($"/cloud-centre/meeting-requests/{request.Id}")).StatusCode);

        // The cloud centre links a meeting; without one it is told to choose.
        using var cloud = await factory.LoginAsync(Demo.CloudCenter);
        var decideUrl = $"/cloud-centre/meeting-requests/{request.Id}";
        Assert.Equal(HttpStatusCode.OK, (await cloud.GetAsync(decideUrl)).StatusCode);
        var none = await cloud.PostFormAsync(decideUrl, new() { ["Version"] = $"{request.Version}", ["MeetingId"] = "" });
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.NotNull((await PortalClient.ParseAsync(none)).QuerySelector("#MeetingId-error"));
        var foreign = await factory.WithDbAsync(db => db.Meetings.Where(m => m.ProjectId == alesund).Select(m => m.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await cloud.PostFormAsync(decideUrl, new() { ["Version"] = $"{request.Version}", ["MeetingId"] = $"{foreign}" })).StatusCode);
        var meeting = await factory.WithDbAsync(db => db.Meetings.Where(m => m.ProjectId == baerum && m.WheelKey != null).OrderBy(m => m.StartUtc).Select(m => m.Id).FirstAsync());
        var planned = await cloud.PostFormAsync(decideUrl, new() { ["Version"] = $"{request.Version}", ["MeetingId"] = $"{meeting}" });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var saved = await factory.WithDbAsync(db => db.MeetingRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal((MeetingRequestStatus.Planned, (int?)meeting), (saved.Status, saved.MeetingId));
        Assert.Contains("Planlagt", (await thomas.GetPageAsync($"/operations/{baerum}/wheel")).Document.QuerySelector("#requests")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cloud_centre_chooses_the_status_month_and_the_customer_cannot()
    {
        var customer = await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Projects.Any(p => p.ProjectId == baerum)));
        Dictionary<string, string?> Fields(string month) => new() { ["CustomerId"] = $"{customer.Id}", ["Version"] = $"{customer.Version}", ["Month"] = month };
        using var thomas = await factory.LoginAsync(BaerumContact);
        Assert.Equal(HttpStatusCode.Forbidden, (await thomas.PostFormAsync($"/operations/{baerum}/status-month", Fields("3"))).StatusCode);
        Assert.Empty((await thomas.GetPageAsync($"/operations/{baerum}/wheel")).Document.QuerySelectorAll("select[name=Month]"));

        using var cloud = await factory.LoginAsync(Demo.CloudCenter);
        var (_, page) = await cloud.GetPageAsync($"/operations/{baerum}/wheel");
        Assert.NotNull(page.QuerySelector($"select#month-{customer.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.PostFormAsync($"/operations/{alesund}/status-month", Fields("3"))).StatusCode); // not Ålesund's customer
        Assert.Equal(HttpStatusCode.Redirect, (await cloud.PostFormAsync($"/operations/{baerum}/status-month", Fields("13"))).StatusCode);
        Assert.Null((await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id))).StatusMeetingMonth);
        Assert.Equal(HttpStatusCode.Redirect, (await cloud.PostFormAsync($"/operations/{baerum}/status-month", Fields("3"))).StatusCode);
        Assert.Equal(3, (await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id))).StatusMeetingMonth);
    }
}
