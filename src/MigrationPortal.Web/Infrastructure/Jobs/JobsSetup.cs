using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Infrastructure.Jobs;

/// <summary>Scheduled work: section <c>Jobs</c>. Tests turn it off and call the jobs themselves.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Hangfire storage, dashboard and recurring jobs; off, nothing runs on a schedule.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether this node runs jobs (a web-only node can show the dashboard and leave the work to others).</summary>
    public bool RunServer { get; set; } = true;
}

/// <summary>
/// Hangfire with storage following the database provider (ADR 0009): a SQLite file beside the portal's for the embedded
/// default, the portal's own SQL Server or PostgreSQL database in production. Every <see cref="IRecurringJob"/> is
/// registered at start under its id and cron in Europe/Oslo, and run by <see cref="RecurringJobRunner"/> with the id as
/// its only argument. The dashboard at /hangfire is behind the portal's login, for admins and the cloud centre.
/// </summary>
public static class JobsSetup
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        if (!options.Enabled)
        {
            return services;
        }

        services.AddHangfire((sp, config) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (db.Provider)
            {
                case DatabaseProvider.Sqlite:
                    config.UseSQLiteStorage(SqliteStoragePath(db.ConnectionString!), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(db.ConnectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, SchemaName = "hangfire" });
                    break;
                case DatabaseProvider.Postgres:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(db.ConnectionString), new PostgreSqlStorageOptions
                    {
                        PrepareSchemaIfNecessary = true, SchemaName = "hangfire", QueuePollInterval = TimeSpan.FromSeconds(1),
                    });
                    break;
                default:
                    throw new InvalidOperationException($"No job storage for {db.Provider}.");
            }
        });
        if (options.RunServer)
        {
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        }

        services.AddTransient<RecurringJobRunner>();
        services.AddHostedService<RecurringJobRegistration>();
        return services;
    }

    public static WebApplication MapPortalJobs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Enabled)
        {
            // The endpoint's policy does the checking (the portal's login, then the role); Hangfire's own filter list is empty.
            app.MapHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = [], AppPath = "/", DashboardTitle = "MigrationPortal" })
                .RequireAuthorization(Policies.CloudCentre);
        }

        return app;
    }

    /// <summary>Hangfire's SQLite file lives beside the portal's: "App_Data/portal.db" gives "App_Data/portal.hangfire.db".</summary>
    public static string SqliteStoragePath(string efConnectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(efConnectionString);
        var file = Path.GetFullPath(builder.DataSource);
        return Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + ".hangfire.db");
    }
}

/// <summary>Runs one recurring job by its id in a scope of its own.</summary>
public sealed partial class RecurringJobRunner(IServiceScopeFactory scopes, ILogger<RecurringJobRunner> logger)
{
    // A failed run is not retried by Hangfire: the next scheduled run picks up what is left (every job is idempotent).
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().SingleOrDefault(j => j.Id == id)
            ?? throw new InvalidOperationException($"No job with id {id}.");
        LogRun(logger, id);
        await job.RunAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} runs")]
    private static partial void LogRun(ILogger logger, string jobId);
}

/// <summary>At start, registers (or updates) every job's schedule, in Europe/Oslo; schedules of jobs that no longer exist are removed.</summary>
internal sealed class RecurringJobRegistration(IServiceScopeFactory scopes, IRecurringJobManager manager, JobStorage storage) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ids = new List<string>();
        foreach (var job in scope.ServiceProvider.GetServices<IRecurringJob>())
        {
            var id = job.Id;
            manager.AddOrUpdate<RecurringJobRunner>(id, r => r.RunAsync(id, CancellationToken.None), job.Cron, new RecurringJobOptions { TimeZone = Display.Oslo });
            ids.Add(id);
        }

        using var connection = storage.GetConnection(); // this host's storage, not the process-wide JobStorage.Current
        foreach (var recurring in Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection))
        {
            if (!ids.Contains(recurring.Id))
            {
                manager.RemoveIfExists(recurring.Id);
            }
            else if (recurring.LastExecution is null)
            {
                // A job that has never run runs once now (a new installation plans its annual wheel today, not tomorrow at five).
                manager.Trigger(recurring.Id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
