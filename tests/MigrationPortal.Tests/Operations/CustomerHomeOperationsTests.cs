using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Operations;

/// <summary>The customer's home page in operation: the annual wheel drawn, the way to upgrades, news and events, and notices waiting.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class CustomerHomeOperationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Ragnhild = "ragnhild.stromme@alesund.kommune.example";

    [Fact]
    public async Task A_customer_in_operation_sees_its_wheel_and_the_notices_it_has_not_acknowledged()
    {
        var (project, customer, release) = await factory.WithDbAsync(async db =>
        {
            var p = await db.Projects.Where(x => x.Name == "Ålesund kommune: Skydrift").Select(x => new { x.Id, Customer = x.Customers.Single().CustomerId }).SingleAsync();
            var r = await db.UpgradeReleases.Where(x => x.ProductVersion == "2027.2").Select(x => new { x.Id, x.PlannedDate }).SingleAsync();
            db.Meetings.Add(new Meeting { ProjectId = p.Id, Kind = MeetingKind.Status, Title = "Statusmøte med Ålesund", StartUtc = factory.UtcNow.AddDays(20), EndUtc = factory.UtcNow.AddDays(20).AddHours(1), CustomerVisible = true });
            db.Meetings.Add(new Meeting { ProjectId = p.Id, Kind = MeetingKind.Other, Title = "Intern forberedelse Ålesund", StartUtc = factory.UtcNow.AddDays(19), EndUtc = factory.UtcNow.AddDays(19).AddHours(1), CustomerVisible = false });
            db.UpgradeNotices.Add(new UpgradeNotice { ReleaseId = r.Id, CustomerId = p.Customer, Stage = "8w", SentUtc = factory.UtcNow });
            await db.SaveChangesAsync();
            return (p.Id, p.Customer, r.Id);
        });
        using var ragnhild = await factory.LoginAsync(Ragnhild);

        var (status, page) = await ragnhild.GetPageAsync("/my");

        Assert.Equal(HttpStatusCode.OK, status);
        var wheel = page.QuerySelector($"#wheel-{project}-items")!;
        Assert.Contains("Statusmøte med Ålesund", wheel.TextContent, StringComparison.Ordinal);
        Assert.Contains("WebSak 2027.2", wheel.TextContent, StringComparison.Ordinal);
        Assert.Contains("Brukerseminaret", wheel.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Intern forberedelse", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"svg.wheel[aria-labelledby='wheel-{project}-title wheel-{project}-desc']"));
        Assert.NotNull(page.QuerySelector($"a[href='/operations/{project}/wheel']"));
        var notice = page.QuerySelector("[role=status] a")!;
        Assert.Equal($"/customers/{customer}/upgrades", notice.GetAttribute("href"));
        Assert.Contains("1 oppgraderingsvarsel som", notice.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ragnhild.PostFormAsync($"/customers/{customer}/upgrades/{release}/acknowledge", [])).StatusCode);
        var (_, after) = await ragnhild.GetPageAsync("/my");
        Assert.Null(after.QuerySelector("[role=status] a[href$='/upgrades']"));

        // A customer still in setup has no wheel.
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var (_, hers) = await kari.GetPageAsync("/my");
        Assert.Null(hers.QuerySelector("svg.wheel"));
    }
}
