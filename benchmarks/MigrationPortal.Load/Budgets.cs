using System.Globalization;

namespace MigrationPortal.Load;

public enum Verdict
{
    Pass,
    Fail,

    /// <summary>Not measured in this run (a client count or a step left out); never counted as a pass.</summary>
    NotMeasured,
}

/// <summary>One budget line of the report: what, the limit, what was measured and the verdict.</summary>
public sealed record BudgetLine(string Budget, string Limit, string Measured, Verdict Verdict);

/// <summary>
/// The budgets of issue 10 (2 cores, SQLite, the scale data set), evaluated on a run's figures. Reported as PASS or FAIL;
/// nothing here is asserted in a test on timing.
/// </summary>
public static class Budgets
{
    public const int LoadClients = 8;
    public const double P95LimitMs = 100;
    public const long HtmlLimitBytes = 200 * 1024;
    public const double CeilingRatioMin = 0.5;
    public const double OfferPdfPerSecondMin = 200;
    public const double PlanPdfPerSecondMin = 20;
    public const double WheelSecondsMax = 10;
    public const double ColdStartSecondsMax = 3;
    public const double WorkingSetMbMax = 400;

    /// <summary>"No growth" allows for the collector's noise: at most this much more after the repeated pass (and 5% of the first).</summary>
    public const double GrowthToleranceMb = 10;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>measured &lt; limit.</summary>
    public static Verdict Below(double? measured, double limit) => measured is not { } m || double.IsNaN(m) ? Verdict.NotMeasured : m < limit ? Verdict.Pass : Verdict.Fail;

    /// <summary>measured ≤ limit.</summary>
    public static Verdict AtMost(double? measured, double limit) => measured is not { } m || double.IsNaN(m) ? Verdict.NotMeasured : m <= limit ? Verdict.Pass : Verdict.Fail;

    /// <summary>measured ≥ limit.</summary>
    public static Verdict AtLeast(double? measured, double limit) => measured is not { } m || double.IsNaN(m) ? Verdict.NotMeasured : m >= limit ? Verdict.Pass : Verdict.Fail;

    /// <summary>Whether the working set after the repeated pass stayed within the tolerance of the first.</summary>
    public static Verdict NoGrowth(MemoryResult? memory) =>
        memory is null ? Verdict.NotMeasured : memory.GrowthMb <= Math.Max(GrowthToleranceMb, memory.AfterFirstMb * 0.05) ? Verdict.Pass : Verdict.Fail;

    /// <summary>Every budget line for a run, in report order.</summary>
    public static IReadOnlyList<BudgetLine> Evaluate(RunResults run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lines = new List<BudgetLine>();
        foreach (var page in run.Targets.Where(t => t.Kind == TargetKind.Page))
        {
            var at8 = run.Point(page.Name, LoadClients);
            var p95 = at8?.Latency.P95Ms;
            var verdict = at8 is { Errors: > 0 } ? Verdict.Fail : Below(p95, P95LimitMs);
            lines.Add(new($"{page.Name}: p95 at {LoadClients} clients", $"< {P95LimitMs:0} ms", at8 is null ? "–" : $"{p95:0.0} ms{(at8.Errors > 0 ? $" ({at8.Errors} errors)" : string.Empty)}", verdict));
        }

        foreach (var page in run.Targets.Where(t => t.Kind == TargetKind.Page))
        {
            var size = run.Points.Where(p => p.Target == page.Name && p.ResponseBytes > 0).Select(p => (long?)p.ResponseBytes).Max();
            lines.Add(new($"{page.Name}: HTML size", $"≤ {HtmlLimitBytes / 1024} KB", size is { } s ? Kb(s) : "–", AtMost(size, HtmlLimitBytes)));
        }

        foreach (var ceiling in run.Targets.Where(t => t.Kind == TargetKind.Ceiling))
        {
            var ratio = CeilingRatio(run, ceiling.CeilingOf!, LoadClients);
            lines.Add(new($"{ceiling.CeilingOf}: throughput / ceiling at {LoadClients} clients", $"≥ {CeilingRatioMin:0.0#}", ratio is { } r ? r.ToString("0.00", Inv) : "–", AtLeast(ratio, CeilingRatioMin)));
        }

        lines.Add(PdfLine(run, Targets.OfferPdf, OfferPdfPerSecondMin, run.OfferPdfPages));
        lines.Add(PdfLine(run, Targets.PlanPdf, PlanPdfPerSecondMin, run.PlanPdfPages));

        var wheel = run.Wheel;
        lines.Add(new($"annual-wheel job ({(wheel is null ? "–" : wheel.InOperation.ToString(Inv))} customers in operation)", $"< {WheelSecondsMax:0} s",
            wheel is null ? "–" : $"{wheel.FirstSeconds:0.00} s, {wheel.FirstPlanned} meetings", Below(wheel?.FirstSeconds, WheelSecondsMax)));
        lines.Add(new("annual-wheel job, second run", "creates nothing", wheel is null ? "–" : $"{wheel.SecondPlanned} meetings, {wheel.SecondInvited} invitations",
            wheel is null ? Verdict.NotMeasured : wheel.SecondPlanned == 0 && wheel.SecondInvited == 0 ? Verdict.Pass : Verdict.Fail));

        var cold = run.ColdStartMedianSeconds;
        lines.Add(new($"cold start to the first page (median of {run.ColdStartsSeconds.Count})", $"< {ColdStartSecondsMax:0} s", cold is { } c ? $"{c:0.00} s" : "–", Below(cold, ColdStartSecondsMax)));

        var memory = run.Memory;
        lines.Add(new("working set after the load run", $"< {WorkingSetMbMax:0} MB", memory is null ? "–" : $"{memory.AfterFirstMb:0} MB (peak {memory.PeakMb:0} MB)", Below(memory?.AfterFirstMb, WorkingSetMbMax)));
        lines.Add(new("working set growth over a repeated run", $"≤ {GrowthToleranceMb:0} MB or 5%", memory is null ? "–" : $"{memory.GrowthMb:+0;-0;0} MB ({memory.AfterFirstMb:0} → {memory.AfterSecondMb:0} MB)", NoGrowth(memory)));

        var errors = run.Points.Sum(p => p.Errors);
        lines.Add(new("every response 2xx", "0 errors", errors.ToString(Inv), errors == 0 && run.Points.Count > 0 ? Verdict.Pass : run.Points.Count == 0 ? Verdict.NotMeasured : Verdict.Fail));
        return lines;
    }

    /// <summary>A page's throughput as a share of its ceiling's, at the same number of clients.</summary>
    public static double? CeilingRatio(RunResults run, string page, int clients)
    {
        ArgumentNullException.ThrowIfNull(run);
        var ceiling = run.Targets.FirstOrDefault(t => t.Kind == TargetKind.Ceiling && t.CeilingOf == page);
        return ceiling is not null && run.Point(page, clients) is { } p && run.Point(ceiling.Name, clients) is { Throughput: > 0 } c ? p.Throughput / c.Throughput : null;
    }

    private static BudgetLine PdfLine(RunResults run, string target, double min, int? pages)
    {
        var best = run.Best(target);
        var what = pages is { } n ? $" ({n} pages)" : string.Empty;
        return new($"{target}{what}: rendered and served on one core", $"≥ {min:0} /s",
            best is null ? "–" : $"{best.Throughput:0.0} /s at {best.Clients} clients{(best.Errors > 0 ? $" ({best.Errors} errors)" : string.Empty)}",
            best is { Errors: > 0 } ? Verdict.Fail : AtLeast(best?.Throughput, min));
    }

    public static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", Inv) + " KB";
}
