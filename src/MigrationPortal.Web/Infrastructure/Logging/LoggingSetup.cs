using Serilog;

namespace MigrationPortal.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>Console and a daily rolling file (logs/portal-YYYYMMDD.log under the content root, 14 days kept); overridable under "Serilog".</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logDir = builder.Configuration["Logging:Directory"] ?? Path.Combine(builder.Environment.ContentRootPath, "logs");
        builder.Services.AddSerilog((services, cfg) => cfg
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Filter.ByExcluding(e => PortalHosting.IsAddressInUse(e.Exception)) // said in one line by RunPortalAsync
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(logDir, "portal-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            preserveStaticLogger: true); // each host its own logger (ILogger in DI); nothing writes through the static Log
        return builder;
    }
}
