using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Features.Wheel;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Security;

namespace MigrationPortal.Load;

/// <summary>
/// The annual-wheel job run twice, in this process, through the portal's own DI registration (the composition root's
/// AddPortal* calls, without the web host or Hangfire) against the copy: the time of the first run and what the second adds.
/// Wheel meetings already planned for the future are deleted first (with their participants), so the first run plans the
/// whole next twelve months as it would for a vendor whose customers have just come into operation.
/// </summary>
public static class WheelRun
{
    public static async Task<WheelResult> RunAsync(DataSet data, string webDir, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        var inOperation = (int)await data.ScalarAsync<long>("SELECT COUNT(*) FROM \"Projects\" WHERE \"Phase\" = 'Operations' AND \"Status\" = 'Active'");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime.ToString(data.Provider == Provider.Sqlite ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var future = $"\"WheelKey\" IS NOT NULL AND \"StartUtc\" > '{now}'";
        var deleted = (int)await data.ScalarAsync<long>($"SELECT COUNT(*) FROM \"Meetings\" WHERE {future}");
        await data.ExecuteAsync($"DELETE FROM \"MeetingParticipants\" WHERE \"MeetingId\" IN (SELECT \"Id\" FROM \"Meetings\" WHERE {future})");
        await data.ExecuteAsync($"DELETE FROM \"Meetings\" WHERE {future}");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = settings["ASPNETCORE_ENVIRONMENT"], ContentRootPath = webDir, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Key.Contains("__", StringComparison.Ordinal))
            .Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)));
        builder.Logging.ClearProviders();
        builder.Services
            .AddPortalDatabase(builder.Configuration, builder.Environment)
            .AddPortalIdentity(builder.Configuration, builder.Environment)
            .AddPortalTwoFactor(builder.Configuration, builder.Environment)
            .AddPortalWeb(builder.Configuration, builder.Environment);
        await using var app = builder.Build();

        // The EF model is built once per process, as in the portal that has served pages before 05:00; not the job's time.
        await using (var warm = app.Services.CreateAsyncScope())
        {
            _ = await warm.ServiceProvider.GetRequiredService<PortalDb>().Projects.CountAsync();
        }

        var (firstSeconds, firstPlanned, firstInvited) = await OnceAsync(app);
        var (secondSeconds, secondPlanned, secondInvited) = await OnceAsync(app);
        return new WheelResult(inOperation, deleted, firstSeconds, firstPlanned, firstInvited, secondSeconds, secondPlanned, secondInvited);
    }

    /// <summary>One run of the job as Hangfire runs it (plan, then invite), in a scope of its own.</summary>
    private static async Task<(double Seconds, int Planned, int Invited)> OnceAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<AnnualWheelJob>();
        var clock = Stopwatch.StartNew();
        var planned = await job.PlanAsync(CancellationToken.None);
        var invited = await job.InviteAsync(CancellationToken.None);
        return (clock.Elapsed.TotalSeconds, planned, invited);
    }
}
