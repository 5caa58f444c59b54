using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Tests.Integration;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Wheel;
using MigrationPortal.Web.Infrastructure.Jobs;
using netDumbster.smtp;

namespace MigrationPortal.Tests.Security;

/// <summary>
/// Two app instances on one database (as two web nodes behind a load balancer): each with its own services, caches and
/// key-ring copy in memory, sharing only the database (and the key-ring certificate, as nodes share their configuration).
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class TwoNodeTests(JobsPortalFactory nodeA) : IClassFixture<JobsPortalFactory>
{
    /// <summary>The second node: the same configuration and database, a host of its own.</summary>
    private WebApplicationFactory<Program> NodeB() => nodeA.WithWebHostBuilder(_ => { });

    private static PortalClient Client(WebApplicationFactory<Program> node) => PortalClient.For(node);

    private static async Task<HttpStatusCode> WithCookieAsync(WebApplicationFactory<Program> node, string cookie, string url = "/dashboard")
    {
        using var raw = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return (await raw.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_sign_in_on_one_node_works_on_the_other_and_a_sign_out_on_either_ends_it_on_both()
    {
        await using var nodeB = NodeB();
        using var onA = Client(nodeA);
        var response = await onA.PostFormAsync("/account/login", new() { ["Email"] = Demo.Lead, ["Password"] = DemoData.DemoPassword }, tokenFrom: "/account/login");
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mp.auth=", StringComparison.Ordinal));
        var cookie = set[..set.IndexOf(';', StringComparison.Ordinal)];

        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(nodeA, cookie));
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(nodeB, cookie)); // B reads A's key ring and session from the database

        // Signing out through node B (its antiforgery token is read with A's keys too) ends the session on A.
        using var onB = Client(nodeB);
        onB.Http.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await onB.PostFormAsync("/account/logout", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(nodeA, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await WithCookieAsync(nodeB, cookie));
    }

    [Fact]
    public async Task Both_nodes_register_the_same_schedules_once_and_plan_each_wheel_meeting_once()
    {
        await using var nodeB = NodeB();
        _ = nodeA.Services;
        _ = nodeB.Services; // both started: each registered every schedule

        var jobs = nodeA.Services.GetServices<IRecurringJob>().Select(j => j.Id).Order().ToList();
        using (var connection = nodeB.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.Equal(jobs, connection.GetRecurringJobs().Select(r => r.Id).Order());
        }

        await nodeA.WithDbAsync(db => db.Meetings.Where(m => m.WheelKey != null).ExecuteDeleteAsync());
        async Task<int> PlanOn(WebApplicationFactory<Program> node)
        {
            await using var scope = node.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetServices<IRecurringJob>().OfType<AnnualWheelJob>().Single().PlanAsync(CancellationToken.None);
        }

        var planned = await Task.WhenAll(Task.Run(() => PlanOn(nodeA)), Task.Run(() => PlanOn(nodeB)), Task.Run(() => PlanOn(nodeA)), Task.Run(() => PlanOn(nodeB)));

        var keys = await nodeA.WithDbAsync(db => db.Meetings.Where(m => m.WheelKey != null).Select(m => m.WheelKey!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys.Count, planned.Sum()); // every meeting was added by exactly one run
    }
}

/// <summary>Two nodes sending the same outbox through one SMTP server: each mail goes once.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class TwoNodeOutboxTests(SmtpPortalFactory nodeA) : IClassFixture<SmtpPortalFactory>
{
    [Fact]
    public async Task The_outbox_sent_from_two_nodes_at_once_delivers_each_mail_once()
    {
        await nodeA.ClearOutboxAsync();
        using var server = SimpleSmtpServer.Start(nodeA.SmtpPort);
        await using var nodeB = nodeA.WithWebHostBuilder(_ => { });
        await nodeA.EnqueueAsync(Enumerable.Range(1, 40).Select(i =>
            new Web.Infrastructure.Mail.Mail($"two-nodes-{i}", NotificationKind.Reminder, $"p{i}@example.com", null, "nb-NO", $"Emne {i}", "Tekst")).ToArray());

        async Task Run(WebApplicationFactory<Program> node)
        {
            await using var scope = node.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Mail.OutboxSender>().RunAsync(CancellationToken.None);
        }

        await Task.WhenAll(Task.Run(() => Run(nodeA)), Task.Run(() => Run(nodeB)), Task.Run(() => Run(nodeA)), Task.Run(() => Run(nodeB)));

        Assert.Equal(40, server.ReceivedEmailCount);
        Assert.Equal(40, server.ReceivedEmail.Select(m => m.ToAddresses[0].Address).Distinct(StringComparer.Ordinal).Count());
        Assert.All(await nodeA.OutboxAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }
}
