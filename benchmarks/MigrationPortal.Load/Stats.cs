namespace MigrationPortal.Load;

/// <summary>Percentiles by the nearest-rank method: the smallest recorded value with at least p% of the values at or below it.</summary>
public static class Percentiles
{
    /// <summary>The p-th percentile (0 &lt; p ≤ 100) of values sorted ascending; NaN when there are none.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

/// <summary>Latency of one measured point, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarises every latency recorded (any order; sorted here).</summary>
    public static LatencySummary From(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        Array.Sort(sorted);
        return new(sorted.Length, sorted.Average(), Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 95), Percentiles.Of(sorted, 99), sorted[^1]);
    }
}

/// <summary>One target at one number of clients: what the load generator saw in the measured window.</summary>
public sealed record PointResult(
    string Target,
    int Clients,
    double Seconds,
    long Ok,
    long Errors,
    IReadOnlyDictionary<int, long> Statuses,
    LatencySummary Latency,
    long ResponseBytes,
    double? ServerCpuMsPerRequest)
{
    /// <summary>Successful (2xx) responses a second.</summary>
    public double Throughput => Seconds > 0 ? Ok / Seconds : 0;

    /// <summary>"404×3, 500×1", or empty.</summary>
    public string ErrorText => string.Join(", ", Statuses.Where(s => s.Key is < 200 or > 299).OrderBy(s => s.Key)
        .Select(s => $"{(s.Key == 0 ? "exception" : s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}×{s.Value}"));
}
