using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Security;

namespace MigrationPortal.Scale;

/// <summary>
/// The portal's own services (database, Identity, localization, PDFs, jobs' classes) composed as Program.cs composes them,
/// on the chosen database, with a fixed clock; never started as a web server. The generator asks it for what the app uses
/// to write rows: the migrations and demo data (<see cref="WebSetup.PrepareDatabaseAsync"/>), the user manager, the
/// localizer, the offer PDF and the upgrade-notice job.
/// </summary>
internal static class ScaleHost
{
    public static WebApplication Build(DatabaseProvider provider, string connectionString, TimeProvider clock, string workDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = workDirectory,
            ApplicationName = typeof(ScaleHost).Assembly.GetName().Name,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Demo:Enabled"] = "true",
            ["Portal:PublicUrl"] = "https://portal.example",

            // Made for this run in a scratch folder: the generator encrypts nothing with them (no key ring, no contract).
            ["DataProtection:Certificate:DevelopmentFile"] = Path.Combine(workDirectory, "keyring.pfx"),
            ["Contract:Certificate:DevelopmentFile"] = Path.Combine(workDirectory, "seal.pfx.protected"),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("MigrationPortal.Web.Data.DemoData", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        builder.Services
            .AddPortalDatabase(builder.Configuration, builder.Environment)
            .AddPortalIdentity(builder.Configuration, builder.Environment)
            .AddPortalTwoFactor(builder.Configuration, builder.Environment)
            .AddPortalWeb(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(clock);
        return builder.Build();
    }
}
