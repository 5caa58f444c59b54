using System.Globalization;
using System.Runtime.InteropServices;

namespace MigrationPortal.Load;

/// <summary>The machine the figures come from.</summary>
public sealed record Machine(int Cores, string Cpu, double MemoryGb, string Os, string Dotnet, string Kernel)
{
    public static Machine Describe()
    {
        var cpu = Read("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = Read("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } m
            ? double.Parse(m["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) : 0;
        var os = Read("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
        var kernel = Read("/proc/sys/kernel/osrelease").FirstOrDefault() ?? string.Empty;
        return new Machine(Environment.ProcessorCount, cpu, memKb / 1024 / 1024, os, RuntimeInformation.FrameworkDescription, kernel);
    }

    private static IEnumerable<string> Read(string file) => File.Exists(file) ? File.ReadLines(file) : [];
}
