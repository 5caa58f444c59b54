namespace MigrationPortal.Load;

/// <summary>The annual-wheel job run twice in-process on the copy.</summary>
public sealed record WheelResult(int InOperation, int FutureWheelMeetingsDeleted, double FirstSeconds, int FirstPlanned, int FirstInvited, double SecondSeconds, int SecondPlanned, int SecondInvited);

/// <summary>Working set of the server (VmRSS / VmHWM from /proc) after the first load pass and after the repeated one.</summary>
public sealed record MemoryResult(double AfterFirstMb, double AfterSecondMb, double PeakMb)
{
    public double GrowthMb => AfterSecondMb - AfterFirstMb;
}

/// <summary>Everything one run on one database measured.</summary>
public sealed class RunResults
{
    public required string Label { get; init; }

    public required string Provider { get; init; }

    public required DataSetIds Ids { get; init; }

    /// <summary>What was measured: the SQLite file or the PostgreSQL database name (a copy of it, in fact).</summary>
    public string Source { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();

    public List<Target> Targets { get; } = [];

    public List<PointResult> Points { get; } = [];

    /// <summary>The repeated pass (memory check); reported, not used for the budgets.</summary>
    public List<PointResult> RepeatPoints { get; } = [];

    public List<double> ColdStartsSeconds { get; } = [];

    public MemoryResult? Memory { get; set; }

    public WheelResult? Wheel { get; set; }

    public int? OfferPdfPages { get; set; }

    public int? PlanPdfPages { get; set; }

    public List<string> Notes { get; } = [];

    public PointResult? Point(string target, int clients) => Points.FirstOrDefault(p => p.Target == target && p.Clients == clients);

    /// <summary>The best throughput of a target over the client counts measured (a PDF's capacity on its one core).</summary>
    public PointResult? Best(string target) => Points.Where(p => p.Target == target).MaxBy(p => p.Throughput);

    public double? ColdStartMedianSeconds => ColdStartsSeconds.Count == 0 ? null : Percentiles.Of([.. ColdStartsSeconds.Order()], 50);
}
