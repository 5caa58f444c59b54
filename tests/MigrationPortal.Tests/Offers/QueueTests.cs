using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Offers;

[Trait(Suite.Name, Suite.Integration)]
public sealed class QueueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>At least four projects waiting (the demo has one), in places 1..n.</summary>
    private async Task<List<CloudQueueEntry>> SeedQueueAsync()
    {
        await factory.WithDbAsync(async db =>
        {
            var waiting = await db.CloudQueue.CountAsync(q => q.StartedUtc == null);
            var free = await db.Projects.Where(p => !db.CloudQueue.Any(q => q.ProjectId == p.Id)).OrderBy(p => p.Id).Take(Math.Max(0, 4 - waiting)).Select(p => p.Id).ToListAsync();
            db.CloudQueue.AddRange(free.Select((p, i) => new CloudQueueEntry { ProjectId = p, Position = waiting + i + 1, QueuedUtc = factory.UtcNow.AddDays(-10 + i) }));
            return await db.SaveChangesAsync();
        });
        return await factory.WithDbAsync(db => db.CloudQueue.AsNoTracking().Where(q => q.StartedUtc == null).OrderBy(q => q.Position).ToListAsync());
    }

    [Fact]
    public async Task Admin_moves_a_project_with_a_reason_and_the_move_is_audited()
    {
        var queue = await SeedQueueAsync();
        var last = queue[^1];
        using var admin = await factory.LoginAsync(Demo.Admin);

        var response = await admin.PostFormAsync($"/queue/{last.Id}/move", new() { ["NewPosition"] = "1", ["Reason"] = "Lovpålagt frist i mars", ["Version"] = $"{last.Version}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await factory.WithDbAsync(db => db.CloudQueue.AsNoTracking().Where(q => q.StartedUtc == null).OrderBy(q => q.Position).ToListAsync());
        Assert.Equal(last.Id, after[0].Id);
        Assert.Equal(Enumerable.Range(1, after.Count), after.Select(q => q.Position));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "CloudQueueEntry" && a.EntityId == $"{last.Id}" && a.Property == "Position" && a.NewValue == "1" && a.UserName == Demo.Admin)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "CloudQueueEntry" && a.Property == "MoveReason" && a.NewValue == "Lovpålagt frist i mars")));
    }

    [Fact]
    public async Task A_move_without_a_reason_or_by_sales_changes_nothing()
    {
        var queue = await SeedQueueAsync();
        using var admin = await factory.LoginAsync(Demo.Admin);
        using var sales = await factory.LoginAsync(Demo.Sales);

        var noReason = await admin.PostFormAsync($"/queue/{queue[1].Id}/move", new() { ["NewPosition"] = "1", ["Reason"] = "", ["Version"] = $"{queue[1].Version}" });
        var bySales = await sales.PostFormAsync($"/queue/{queue[1].Id}/move", new() { ["NewPosition"] = "1", ["Reason"] = "Fordi", ["Version"] = $"{queue[1].Version}" });

        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySales.StatusCode);
        Assert.Equal(queue.Select(q => q.Id), await factory.WithDbAsync(db => db.CloudQueue.Where(q => q.StartedUtc == null).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync()));
    }

    [Fact]
    public async Task Capacity_decides_the_expected_start_shown_to_staff()
    {
        var waiting = await SeedQueueAsync();
        var settings = await factory.WithDbAsync(db => db.VendorSettings.AsNoTracking().FirstAsync());
        using var admin = await factory.LoginAsync(Demo.Admin);

        await admin.PostFormAsync("/queue/capacity", new() { ["ProjectStartsPerMonth"] = "2", ["Version"] = $"{settings.Version}" });
        var (status, page) = await admin.GetPageAsync("/queue");

        Assert.Equal(HttpStatusCode.OK, status);
        var nb = new System.Globalization.CultureInfo("nb-NO");
        var next = new DateOnly(factory.Today.Year, factory.Today.Month, 1).AddMonths(1);
        var expected = Enumerable.Range(0, waiting.Count).Select(i => next.AddMonths(i / 2).ToString("MMMM yyyy", nb)).ToList();
        Assert.Equal(expected, page.QuerySelectorAll("ol.queue li strong").Select(s => s.TextContent).ToList());
    }

    [Fact]
    public async Task Starting_a_project_takes_it_out_and_moves_everyone_up()
    {
        var waiting = await SeedQueueAsync();
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.PostFormAsync($"/queue/{waiting[0].Id}/start", new() { ["version"] = $"{waiting[0].Version}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await factory.WithDbAsync(db => db.CloudQueue.AsNoTracking().Where(q => q.StartedUtc == null).OrderBy(q => q.Position).ToListAsync());
        Assert.Equal(waiting.Skip(1).Select(q => q.Id), after.Select(q => q.Id));
        Assert.Equal(Enumerable.Range(1, after.Count), after.Select(q => q.Position));
        Assert.NotNull((await factory.WithDbAsync(db => db.CloudQueue.AsNoTracking().SingleAsync(q => q.Id == waiting[0].Id))).StartedUtc);
    }
}
