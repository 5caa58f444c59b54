using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MigrationPortal.Load;

/// <summary>
/// The portal's Release build as a process of its own on a free loopback port: started, waited for (the first 200 on the
/// login page), watched (CPU time and working set from /proc) and stopped with SIGTERM.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter output;

    private PortalServer(Process process, Uri baseUri, StreamWriter output, double startSeconds)
    {
        this.process = process;
        BaseUri = baseUri;
        this.output = output;
        StartSeconds = startSeconds;
    }

    public Uri BaseUri { get; }

    /// <summary>Process start to the first 200 on a page.</summary>
    public double StartSeconds { get; }

    public int Pid => process.Id;

    /// <summary>
    /// Starts <c>dotnet MigrationPortal.Web.dll --urls http://127.0.0.1:port</c> in <paramref name="webDir"/> with the given
    /// settings as environment variables; pinned: under <c>taskset -c 0</c> with DOTNET_PROCESSOR_COUNT=1 and, as docs/operations.md
    /// says for a one-CPU host, DOTNET_TieredPGO=0.
    /// </summary>
    public static async Task<PortalServer> StartAsync(string webDir, IReadOnlyDictionary<string, string> settings, bool pinned, string logFile, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo(pinned ? "taskset" : "dotnet")
        {
            WorkingDirectory = webDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (pinned)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("0");
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Path.Combine(webDir, "MigrationPortal.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        if (pinned)
        {
            // A one-CPU host as docs/operations.md says to run one: without dynamic PGO, whose extra tier keeps
            // restarting the runtime's one-second tiering delay on a single CPU (docs/adr/0013).
            info.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
            info.Environment["DOTNET_TieredPGO"] = "0";
        }

        var writer = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = LoadGenerator.NewClient(TimeSpan.FromSeconds(5));
        var login = new Uri(new Uri(url), "/account/login");
        while (true)
        {
            if (process.HasExited)
            {
                await writer.DisposeAsync();
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before serving a page; its output is in {logFile}:\n{Tail(logFile)}");
            }

            if (clock.Elapsed > timeout)
            {
                Kill(process);
                await writer.DisposeAsync();
                throw new TimeoutException($"The portal served no page within {timeout.TotalSeconds:0} s; its output is in {logFile}:\n{Tail(logFile)}");
            }

            try
            {
                using var request = PortalSession.Request(HttpMethod.Get, login, cookie: null);
                using var response = await probe.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    await response.Content.ReadAsByteArrayAsync();
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, not answering yet.
            }

            await Task.Delay(10);
        }

        var started = clock.Elapsed.TotalSeconds;
        return new PortalServer(process, new Uri(url), writer, started);
    }

    /// <summary>User plus system CPU seconds the server has used so far (/proc/pid/stat).</summary>
    public double? CpuSeconds() => ProcStat.CpuSeconds(process.Id);

    /// <summary>VmRSS and VmHWM in MB.</summary>
    public (double RssMb, double PeakMb) Memory() => ProcStat.Memory(process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
            }
        }

        process.Dispose();
        await output.DisposeAsync();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The server's last words after we stopped listening.
            }
        }
    }

    private static string Tail(string file) => string.Join('\n', File.ReadLines(file).TakeLast(25));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What /proc says about a process.</summary>
public static class ProcStat
{
    /// <summary>Clock ticks a second (USER_HZ); 100 on every Linux we run on.</summary>
    private const double TicksPerSecond = 100;

    public static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name may hold spaces: fields count from the closing parenthesis (utime is field 14, stime 15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static (double RssMb, double PeakMb) Memory(int pid)
    {
        double Kb(string key) => File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => double.Parse(l[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        return (Kb("VmRSS:") / 1024, Kb("VmHWM:") / 1024);
    }
}
