using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Infrastructure.Jobs;

namespace MigrationPortal.Tests.Integration;

/// <summary>A portal with its job scheduler on (the other tests run jobs by hand): storage by provider, schedules, dashboard.</summary>
public sealed class JobsPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:Enabled", "true");
        builder.UseSetting("Jobs:RunServer", "false");
    }
}

[Trait(Suite.Name, Suite.Integration)]
public sealed class JobsTests(JobsPortalFactory factory) : IClassFixture<JobsPortalFactory>
{
    [Fact]
    public async Task The_dashboard_is_behind_the_portals_login_for_admins_and_the_cloud_centre_only()
    {
        using var anonymous = factory.Client();
        using var sales = await factory.LoginAsync(Demo.Sales);
        using var customer = await factory.LoginAsync(Demo.SorFronContact);
        using var admin = await factory.LoginAsync(Demo.Admin);
        using var cloud = await factory.LoginAsync(Demo.CloudCenter);

        var notSignedIn = await anonymous.GetAsync("/hangfire");
        var bySales = await sales.GetAsync("/hangfire");
        var byCustomer = await customer.GetAsync("/hangfire");
        var byAdmin = await admin.GetAsync("/hangfire");
        var byCloud = await cloud.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);
        Assert.Contains("/account/login", notSignedIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, bySales.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Contains("MigrationPortal", await byAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byCloud.StatusCode);

        // The dashboard's own buttons carry ASP.NET Core's antiforgery token; a forged POST without it does nothing.
        using var forged = new FormUrlEncodedContent([new("jobs[]", "outbox")]);
        var post = await admin.Http.PostAsync(new Uri("/hangfire/recurring/trigger", UriKind.Relative), forged);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Every_job_is_scheduled_under_its_id_in_oslo_time_and_runs_by_id()
    {
        _ = factory.Client();
        await using var scope = factory.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetServices<IRecurringJob>().ToList();
        Assert.Contains(jobs, j => j.Id == "outbox");
        Assert.Contains(jobs, j => j.Id == "annual-wheel");
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection(); // this host's, not the static one other hosts set

        var scheduled = connection.GetRecurringJobs();

        Assert.Equal(jobs.Select(j => j.Id).Order(), scheduled.Select(r => r.Id).Order());
        Assert.All(scheduled, r =>
        {
            Assert.Equal("Europe/Oslo", r.TimeZoneId);
            Assert.Equal(nameof(RecurringJobRunner), r.Job.Type.Name);
            Assert.Equal(r.Id, r.Job.Args[0]);
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync("no-such-job", CancellationToken.None));
    }
}
