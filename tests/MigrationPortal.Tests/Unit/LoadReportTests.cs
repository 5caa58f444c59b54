using MigrationPortal.Load;

namespace MigrationPortal.Tests.Unit;

/// <summary>The load benchmark's pure parts: percentiles and the PASS/FAIL of its budgets (figures are made up; no timing here).</summary>
public sealed class LoadReportTests
{
    private static readonly DataSetIds Ids = new(1, 300, 2, 3, "kunde@example.org", "kommune", "test");

    [Fact]
    public void Percentiles_are_nearest_rank_over_sorted_values()
    {
        double[] hundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

        Assert.Equal(50, Percentiles.Of(hundred, 50));
        Assert.Equal(95, Percentiles.Of(hundred, 95));
        Assert.Equal(99, Percentiles.Of(hundred, 99));
        Assert.Equal(100, Percentiles.Of(hundred, 100));
        Assert.Equal(2, Percentiles.Of([1, 2, 3], 50)); // the middle of three
        Assert.Equal(7, Percentiles.Of([7], 99));
        Assert.True(double.IsNaN(Percentiles.Of([], 95)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(hundred, 0));
    }

    [Fact]
    public void A_summary_sorts_what_it_is_given()
    {
        var summary = LatencySummary.From([30, 10, 20, 40, 1000]);

        Assert.Equal((5L, 30d, 1000d, 1000d, 1000d), (summary.Count, summary.P50Ms, summary.P95Ms, summary.P99Ms, summary.MaxMs));
        Assert.Equal(220, summary.MeanMs);
        Assert.Equal(0, LatencySummary.From([]).Count);
    }

    [Fact]
    public void A_page_just_over_a_budget_fails_and_one_just_under_passes()
    {
        var run = Run();
        run.Points.Add(Point(Targets.Dashboard, 8, p95: 99.9, bytes: Budgets.HtmlLimitBytes, throughput: 50));
        run.Points.Add(Point(Targets.Project, 8, p95: 100.0, bytes: Budgets.HtmlLimitBytes + 1, throughput: 49));
        run.Points.Add(Point(Targets.CeilingDashboard, 8, p95: 1, bytes: 1000, throughput: 100));
        run.Points.Add(Point(Targets.CeilingProject, 8, p95: 1, bytes: 1000, throughput: 100));

        var lines = Budgets.Evaluate(run);

        Assert.Equal(Verdict.Pass, Line(lines, "dashboard: p95").Verdict);
        Assert.Equal(Verdict.Fail, Line(lines, "project: p95").Verdict); // under 100 ms means under
        Assert.Equal(Verdict.Pass, Line(lines, "dashboard: HTML size").Verdict);
        Assert.Equal(Verdict.Fail, Line(lines, "project: HTML size").Verdict);
        Assert.Equal(Verdict.Pass, Line(lines, "dashboard: throughput / ceiling").Verdict); // 0.50
        Assert.Equal(Verdict.Fail, Line(lines, "project: throughput / ceiling").Verdict); // 0.49
        Assert.Equal("0.49", Line(lines, "project: throughput / ceiling").Measured);
    }

    [Fact]
    public void Errors_fail_a_page_however_fast_and_a_missing_point_is_not_a_pass()
    {
        var run = Run();
        run.Points.Add(Point(Targets.Dashboard, 8, p95: 5, bytes: 1000, throughput: 500) with { Errors = 1, Statuses = new Dictionary<int, long> { [200] = 999, [500] = 1 } });
        run.Points.Add(Point(Targets.Project, 1, p95: 5, bytes: 1000, throughput: 500));

        var lines = Budgets.Evaluate(run);

        Assert.Equal(Verdict.Fail, Line(lines, "dashboard: p95").Verdict);
        Assert.Equal(Verdict.NotMeasured, Line(lines, "project: p95").Verdict); // measured at 1 client only
        Assert.Equal(Verdict.Fail, Line(lines, "every response 2xx").Verdict);
        Assert.Equal(Verdict.NotMeasured, Line(lines, "annual-wheel job (").Verdict);
        Assert.Equal("500×1", run.Points[0].ErrorText);
    }

    [Fact]
    public void Pdfs_wheel_cold_start_and_memory_are_judged_at_their_limits()
    {
        var run = Run();
        run.Points.Add(Point(Targets.OfferPdf, 1, p95: 9, bytes: 40_000, throughput: 150));
        run.Points.Add(Point(Targets.OfferPdf, 8, p95: 40, bytes: 40_000, throughput: 199.9));
        run.Points.Add(Point(Targets.PlanPdf, 8, p95: 400, bytes: 90_000, throughput: 20));
        run.Wheel = new WheelResult(2000, 0, 9.99, 10_000, 300, 0.5, 1, 0);
        run.ColdStartsSeconds.AddRange([3.4, 2.9, 2.5]);
        run.Memory = new MemoryResult(399, 420, 450);

        var lines = Budgets.Evaluate(run);

        Assert.Equal(Verdict.Fail, Line(lines, "offer-pdf").Verdict); // the best of the client counts, 199.9
        Assert.Equal(Verdict.Pass, Line(lines, "plan-pdf").Verdict);
        Assert.Equal(Verdict.Pass, Line(lines, "annual-wheel job (").Verdict);
        Assert.Equal(Verdict.Fail, Line(lines, "annual-wheel job, second run").Verdict); // it planned one meeting more
        Assert.Equal(Verdict.Pass, Line(lines, "cold start").Verdict); // median 2.9 s
        Assert.Equal(Verdict.Pass, Line(lines, "working set after").Verdict);
        Assert.Equal(Verdict.Fail, Line(lines, "working set growth").Verdict); // 21 MB is more than 10 MB and 5%
        Assert.Equal(Verdict.Pass, Budgets.NoGrowth(new MemoryResult(300, 310, 320)));
    }

    private static RunResults Run()
    {
        var run = new RunResults { Label = "SQLite", Provider = "Sqlite", Ids = Ids };
        run.Targets.AddRange(Targets.Portal(Ids));
        run.Targets.AddRange(Targets.Ceilings(Ids));
        return run;
    }

    private static PointResult Point(string target, int clients, double p95, long bytes, double throughput) =>
        new(target, clients, 10, (long)Math.Round(throughput * 10), 0, new Dictionary<int, long> { [200] = (long)Math.Round(throughput * 10) },
            new LatencySummary(100, p95 / 2, p95 / 2, p95, p95, p95), bytes, 1);

    private static BudgetLine Line(IReadOnlyList<BudgetLine> lines, string start) => Assert.Single(lines, l => l.Budget.StartsWith(start, StringComparison.Ordinal));
}
