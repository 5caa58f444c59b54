using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Infrastructure;

namespace MigrationPortal.Tests.Integration;

/// <summary>Where the app listens: the default, what overrides it, and the built app started on a port something else holds.</summary>
public sealed class HostingTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("urls", "http://localhost:5080", true)]
    [InlineData("http_ports", "5080", true)]
    [InlineData("https_ports", "5443", true)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://localhost:5080", true)]
    public void The_default_address_applies_only_when_nothing_names_one(string? key, string? value, bool named)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(key is null ? [] : [new(key, value)]).Build();

        Assert.Equal(named, PortalHosting.NamesAnAddress(config));
    }

    [Theory]
    [InlineData(1, null, null, true)]
    [InlineData(1, "0", null, false)]
    [InlineData(1, " 0 ", "true", false)]
    [InlineData(1, null, "false", false)]
    [InlineData(1, null, "False", false)]
    [InlineData(1, "1", "false", true)]
    [InlineData(1, null, "true", true)]
    [InlineData(2, null, null, false)]
    [InlineData(8, "1", null, false)]
    public void Only_a_one_cpu_host_with_dynamic_pgo_on_is_advised_to_turn_it_off(int cpus, string? environment, string? runtimeConfig, bool advised) =>
        Assert.Equal(advised, PortalHosting.NeedsOneCpuAdvice(cpus, environment, runtimeConfig));

    [Fact]
    public void The_command_line_address_wins_over_the_default()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://localhost:5080"]).UsePortalUrls();

        Assert.Equal("http://localhost:5080", builder.Configuration["urls"]);
    }

    [Theory]
    [InlineData("--urls")]
    [InlineData("ASPNETCORE_URLS")]
    public async Task A_taken_port_gives_one_clear_line_and_a_non_zero_exit_not_a_stack_trace(string how)
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var url = $"http://127.0.0.1:{port}";
        var dir = Path.Combine(Path.GetTempPath(), "mp-tests", $"port-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);

        var (exitCode, output) = await RunAppAsync(dir, how == "--urls" ? ["--urls", url] : [], how == "ASPNETCORE_URLS" ? url : null);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exitCode != 0, output);
        var line = Assert.Single(lines, l => l.Contains("already in use", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"Port {port} is already in use; start on another with --urls http://localhost:5080 or ASPNETCORE_URLS=http://localhost:5080", line, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        var logged = string.Concat(Directory.EnumerateFiles(dir, "portal-*.log").Select(File.ReadAllText));
        Assert.Contains($"Port {port} is already in use", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", logged, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> RunAppAsync(string dir, string[] args, string? urlsVariable) =>
        PortalProcess.RunAsync(args, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = urlsVariable,
            ["DOTNET_URLS"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Demo__Enabled"] = "false",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(dir, "portal.db")}",
            ["Logging__Directory"] = dir,
        });
}
