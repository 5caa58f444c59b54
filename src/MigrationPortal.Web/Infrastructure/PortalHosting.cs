using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace MigrationPortal.Web.Infrastructure;

/// <summary>Where the portal listens, and one clear line instead of a stack trace when it cannot.</summary>
public static partial class PortalHosting
{
    /// <summary>Served when nothing else says where: no --urls, ASPNETCORE_URLS, ports setting or Kestrel endpoint.</summary>
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>The host settings that name addresses (--urls and ASPNETCORE_URLS land in "urls").</summary>
    private static readonly string[] AddressSettings = ["urls", "http_ports", "https_ports"];

    /// <summary>Listens on <see cref="DefaultUrl"/> unless the command line, the environment or configuration names an address.</summary>
    public static WebApplicationBuilder UsePortalUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!NamesAnAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // No "Server: Kestrel": nothing to tell an attacker which server to look up.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        return builder;
    }

    /// <summary>Whether configuration already says where to listen: urls, http_ports, https_ports or Kestrel:Endpoints.</summary>
    public static bool NamesAnAddress(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddressSettings.Any(key => !string.IsNullOrWhiteSpace(configuration[key])) || configuration.GetSection("Kestrel:Endpoints").Exists();
    }

    /// <summary>
    /// Runs the app until shutdown and returns the process exit code: 0, or 1 when the port is taken, which is
    /// logged as one line that says what to do (the host's own error with its stack trace is filtered out of the log).
    /// </summary>
    public static async Task<int> RunPortalAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (IOException e) when (IsAddressInUse(e))
            {
                var taken = PortInMessage().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : null;
                var other = taken == "5080" ? "http://localhost:5081" : "http://localhost:5080";
                app.Logger.LogCritical(
                    "{Port} is already in use; start on another with --urls {Url} or ASPNETCORE_URLS={Url}",
                    taken is null ? "The port" : $"Port {taken}", other, other);
                return 1;
            }

            if (NeedsOneCpuAdvice(Environment.ProcessorCount, Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? Environment.GetEnvironmentVariable("COMPlus_TieredPGO"), AppContext.GetData("System.Runtime.TieredPGO")))
            {
                app.Logger.LogWarning("One CPU with dynamic PGO on: under load the runtime may take many minutes to optimize the portal's code; set DOTNET_TieredPGO=0 (docs/operations.md)");
            }

            await app.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>
    /// Whether to advise turning dynamic PGO off: on one CPU the runtime's tiering delay is a second, and PGO's extra
    /// tier restarts it, so hot code stays unoptimized for minutes under load (docs/adr/0013). The setting comes from the
    /// environment (<c>DOTNET_TieredPGO</c>, "0" is off) before runtimeconfig (<c>System.Runtime.TieredPGO</c>).
    /// </summary>
    public static bool NeedsOneCpuAdvice(int processorCount, string? environment, object? runtimeConfig)
    {
        var pgo = environment is { } e ? e.Trim() != "0"
            : !string.Equals(runtimeConfig?.ToString(), "false", StringComparison.OrdinalIgnoreCase);
        return processorCount == 1 && pgo;
    }

    /// <summary>Kestrel's "Failed to bind to address ...: address already in use", or the bare exception.</summary>
    public static bool IsAddressInUse(Exception? e) => e is AddressInUseException or IOException { InnerException: AddressInUseException };

    // "Failed to bind to address http://127.0.0.1:5000: address already in use."
    [GeneratedRegex(@":(\d+): ")]
    private static partial Regex PortInMessage();
}
