using System.Diagnostics;

namespace MigrationPortal.Load;

/// <summary>
/// A closed loop: N clients, each with its own HttpClient (SocketsHttpHandler, one connection), sending the next request as
/// soon as the previous one's last byte arrived. Requests completing in the warm-up are not counted; the point counts every
/// response completed in the measured window, records every latency, and the server's CPU time over the window.
/// </summary>
public static class LoadGenerator
{
    public static HttpClient NewClient(TimeSpan timeout) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    { Timeout = timeout };

    /// <param name="serverCpu">The measured server's CPU seconds so far, or null when it is this process (the ceiling).</param>
    public static async Task<PointResult> RunAsync(string target, Uri uri, string? cookie, int clients, TimeSpan warmup, TimeSpan duration, Func<double?>? serverCpu)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = Enumerable.Range(0, clients).Select(_ => new ClientLog()).ToArray();

        double? cpuFrom = null, cpuTo = null;
        var cpuWatch = serverCpu is null ? Task.CompletedTask : Task.Run(async () =>
        {
            await Task.Delay(Remaining(measureFrom));
            cpuFrom = serverCpu();
            await Task.Delay(Remaining(measureTo));
            cpuTo = serverCpu();
        });

        await Task.WhenAll(perClient.Select(log => Task.Run(() => ClientAsync(uri, cookie, measureFrom, measureTo, log))));
        await cpuWatch;

        var statuses = perClient.SelectMany(c => c.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        var ok = statuses.Where(s => s.Key is >= 200 and <= 299).Sum(s => s.Value);
        var errors = statuses.Where(s => s.Key is < 200 or > 299).Sum(s => s.Value);
        var bytes = perClient.Select(c => c.LastOkBytes).DefaultIfEmpty(0).Max();
        var seconds = duration.TotalSeconds;
        double? cpuPerRequest = cpuFrom is { } a && cpuTo is { } b && ok + errors > 0 ? (b - a) * 1000 / (ok + errors) : null;
        return new PointResult(target, clients, seconds, ok, errors, statuses, LatencySummary.From(perClient.SelectMany(c => c.Latencies)), bytes, cpuPerRequest);
    }

    private static TimeSpan Remaining(long until) => TimeSpan.FromSeconds(Math.Max(0, (until - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));

    private static async Task ClientAsync(Uri uri, string? cookie, long measureFrom, long measureTo, ClientLog log)
    {
        using var http = NewClient(TimeSpan.FromSeconds(120));
        var buffer = new byte[64 * 1024];
        while (Stopwatch.GetTimestamp() < measureTo)
        {
            var start = Stopwatch.GetTimestamp();
            int status;
            long size = 0;
            try
            {
                using var request = PortalSession.Request(HttpMethod.Get, uri, cookie);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                status = (int)response.StatusCode;
                await using var body = await response.Content.ReadAsStreamAsync();
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    size += read;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                status = 0;
                await Task.Delay(10); // a refused connection must not spin
            }

            var end = Stopwatch.GetTimestamp();
            if (end < measureFrom || end > measureTo)
            {
                continue;
            }

            log.Latencies.Add((end - start) * 1000.0 / Stopwatch.Frequency);
            log.Statuses[status] = log.Statuses.GetValueOrDefault(status) + 1;
            if (status is >= 200 and <= 299)
            {
                log.LastOkBytes = size;
            }
        }
    }

    private sealed class ClientLog
    {
        public List<double> Latencies { get; } = new(4096);

        public Dictionary<int, long> Statuses { get; } = [];

        public long LastOkBytes { get; set; }
    }
}
