using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Wheel;
using MigrationPortal.Web.Infrastructure.Jobs;

namespace MigrationPortal.Tests.Integration;

/// <summary>The annual-wheel job on the real database: what it plans, that it plans it once, moved meetings, time travel.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class AnnualWheelJobTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Alesund = "Ålesund kommune: Skydrift";

    private async Task<int> RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var job = (AnnualWheelJob)scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Id == "annual-wheel");
        Assert.Equal("0 5 * * *", job.Cron);
        var added = await job.PlanAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None); // plans nothing more, and invites to what starts within the lead time
        return added;
    }

    private Task<List<Meeting>> WheelAsync(string project) => factory.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Participants)
        .Where(m => m.WheelKey != null && m.Project!.Name == project).OrderBy(m => m.StartUtc).ToListAsync());

    private Task<int> ProjectIdAsync(string name) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Running_twice_plans_each_meeting_once_only_for_customers_in_operation()
    {
        await RunAsync();
        var first = await WheelAsync(Alesund);
        await RunAsync();
        var second = await WheelAsync(Alesund);
        var id = await ProjectIdAsync(Alesund);

        // Today is Monday 16 November 2026: Q4 2026 today, Q1–Q4 2027 and one status meeting within twelve months.
        Assert.Equal(6, first.Count);
        Assert.Equal(first.Select(m => (m.Id, m.WheelKey)), second.Select(m => (m.Id, m.WheelKey)));
        Assert.Contains(first, m => m.WheelKey == $"wheel:{id}:2026:q4" && m.StartUtc == new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc) && m.Kind == MeetingKind.Other && m.Title.Contains("Kundesentermøte", StringComparison.Ordinal));
        Assert.Contains(first, m => m.WheelKey == $"wheel:{id}:2027:q2" && m.StartUtc == new DateTime(2027, 5, 18, 8, 0, 0, DateTimeKind.Utc)); // summer time: 10:00 Oslo
        Assert.Single(first, m => m.Kind == MeetingKind.Status && m.WheelKey!.EndsWith(":status", StringComparison.Ordinal));
        Assert.All(first, m => Assert.NotEmpty(m.Participants));
        Assert.False(await factory.WithDbAsync(db => db.Meetings.AnyAsync(m => m.WheelKey != null && m.Project!.Phase != Phase.Operations)));
    }

    [Fact]
    public async Task The_chosen_status_month_decides_and_a_moved_or_cancelled_meeting_is_not_planned_again()
    {
        var id = await ProjectIdAsync(Alesund);
        await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Projects.Any(p => p.ProjectId == id));
            customer.StatusMeetingMonth = 3;
            db.Meetings.RemoveRange(db.Meetings.Where(m => m.ProjectId == id && m.WheelKey != null));
            return await db.SaveChangesAsync();
        });
        await RunAsync();
        var status = (await WheelAsync(Alesund)).Single(m => m.Kind == MeetingKind.Status);
        Assert.Equal(new DateOnly(2027, 3, 10), DateOnly.FromDateTime(status.StartUtc));

        // The cloud centre moves it through the normal meeting page, and cancels a quarterly one.
        using var cloud = await factory.LoginAsync(Demo.CloudCenter);
        var moved = await cloud.PostFormAsync($"/projects/{id}/meetings/{status.Id}/edit", new()
        {
            ["Kind"] = "Status", ["Title"] = status.Title, ["Date"] = "2027-04-06", ["Start"] = "13:00", ["End"] = "14:00",
            ["Version"] = $"{status.Version}", ["CustomerVisible"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var q1 = (await WheelAsync(Alesund)).Single(m => m.WheelKey == $"wheel:{id}:2027:q1");
        await factory.WithDbAsync(async db =>
        {
            var m = await db.Meetings.SingleAsync(x => x.Id == q1.Id);
            m.CancelledUtc = factory.UtcNow;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(0, await RunAsync());
        var after = await WheelAsync(Alesund);
        var again = Assert.Single(after, m => m.Kind == MeetingKind.Status);
        Assert.Equal((status.Id, status.WheelKey, new DateOnly(2027, 4, 6)), (again.Id, again.WheelKey, DateOnly.FromDateTime(again.StartUtc)));
        Assert.Single(after, m => m.WheelKey == $"wheel:{id}:2027:q1");
    }

    [Fact]
    public async Task Two_runs_at_once_plan_each_meeting_once()
    {
        var projectId = await factory.WithDbAsync(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Name.StartsWith("Vefsn"));
            p.Phase = Phase.Operations;
            p.HandoverAcceptedUtc = factory.UtcNow.AddDays(-3);
            await db.SaveChangesAsync();
            return p.Id;
        });

        async Task<int> Plan()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IRecurringJob>().OfType<AnnualWheelJob>().Single();
            return await job.PlanAsync(CancellationToken.None);
        }

        var results = await Task.WhenAll(Plan(), Plan(), Plan());

        var keys = await factory.WithDbAsync(db => db.Meetings.Where(m => m.ProjectId == projectId && m.WheelKey != null).Select(m => m.WheelKey!).ToListAsync());
        Assert.Equal(6, keys.Count); // status in December (the month after it entered operation) and five quarterly
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Contains($"wheel:{projectId}:2026:status", keys);
        Assert.True(results.Sum() >= keys.Count); // Ålesund is planned by the runs too; no run failed
    }

    [Fact]
    public async Task Meetings_within_the_lead_time_are_invited_once_and_a_cancelled_one_is_not()
    {
        var id = await ProjectIdAsync(Alesund);
        await factory.WithDbAsync(db => db.Meetings.Where(m => m.ProjectId == id && m.WheelKey != null).ExecuteDeleteAsync()); // planned afresh
        await RunAsync();
        var wheel = await WheelAsync(Alesund);
        var later = wheel.Where(m => m.StartUtc > factory.UtcNow && m.CancelledUtc == null).ToList();
        Assert.True(later.Count >= 4, string.Join('\n', wheel.Select(m => $"{m.Id} {m.WheelKey} {m.StartUtc:o} seq{m.Sequence} c{m.CancelledUtc}")));

        // A lead time that reaches the third meeting from now; the second is cancelled by the cloud centre.
        var leadDays = (int)Math.Ceiling((later[2].StartUtc - factory.UtcNow).TotalDays);
        await factory.WithDbAsync(async db =>
        {
            var settings = await db.VendorSettings.FirstAsync();
            settings.InvitationLeadDays = leadDays;
            await db.Meetings.Where(m => m.Id == later[1].Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CancelledUtc, factory.UtcNow));
            await db.Outbox.Where(m => m.ProjectId == id).ExecuteDeleteAsync(); // only what the runs below send
            return await db.SaveChangesAsync();
        });
        var (contact, lead) = await factory.WithDbAsync(async db => (
            await db.Contacts.Where(c => c.Customer!.Projects.Any(p => p.ProjectId == id)).Select(c => c.Email).SingleAsync(),
            await db.Projects.Where(p => p.Id == id).Select(p => p.Lead!.Email!).SingleAsync()));

        await RunAsync();
        await RunAsync();

        var mails = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == NotificationKind.Meeting && m.ProjectId == id).ToListAsync());
        Assert.Equal(
            new[] { later[0], later[2] }.SelectMany(m => new[] { $"meeting:{m.Id}:{m.Sequence}:REQUEST:{contact}", $"meeting:{m.Id}:{m.Sequence}:REQUEST:{lead}" }).Order(StringComparer.Ordinal),
            mails.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains("METHOD:REQUEST", m.Ics, StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Ics!.Contains($"UID:{later[2].Uid}", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Ics!.Contains($"UID:{later[3].Uid}", StringComparison.Ordinal));
    }
}
