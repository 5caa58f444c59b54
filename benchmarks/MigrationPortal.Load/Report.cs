using System.Globalization;
using System.Text;

namespace MigrationPortal.Load;

/// <summary>docs/performance.md, written from a run's figures (never by hand).</summary>
public static class Report
{
    public sealed record Input(Options Options, Machine Machine, IReadOnlyList<RunResults> Runs, RunResults? Baseline, string Configuration, IReadOnlyList<(string Key, string Value)> Settings);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = input.Options;
        var m = input.Machine;
        var s = new StringBuilder();
        s.AppendLine("# Performance");
        s.AppendLine();
        s.AppendLine(Inv, $"Written by `benchmarks/MigrationPortal.Load` on {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC from the figures of that run; do not edit it by hand, run the command again.");
        s.AppendLine("Budgets are issue 10's, reported as PASS or FAIL (they are not asserted in tests).");
        s.AppendLine();
        s.AppendLine("## Reproduce");
        s.AppendLine();
        s.AppendLine("```sh");
        s.AppendLine(Inv, $"dotnet run -c Release --project benchmarks/MigrationPortal.Load -- {string.Join(' ', o.Arguments.Select(Quote))}");
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine("## Machine");
        s.AppendLine();
        s.AppendLine("| cores | CPU | memory | OS | kernel | .NET | build |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        s.AppendLine(Inv, $"| {m.Cores} | {m.Cpu} | {m.MemoryGb:0.0} GB | {m.Os} | {m.Kernel} | {m.Dotnet} | {input.Configuration} |");
        s.AppendLine();
        s.AppendLine("## How it is measured");
        s.AppendLine();
        s.AppendLine("- The portal's build (`src/MigrationPortal.Web/bin/Release/net10.0`) runs as a process of its own, `dotnet MigrationPortal.Web.dll --urls http://127.0.0.1:<free port>`, " +
            "against a copy of the database (SQLite: the online backup API; PostgreSQL: `CREATE DATABASE … TEMPLATE`), so the source never changes. The copy's Data Protection keys are deleted (they were made with another certificate).");
        s.AppendLine("- Environment **Production**, as installed, with the settings an installation sets anyway (public address, the key-ring and contract certificates: a self-signed one made for the run) and three of the benchmark's own: " +
            "two-factor not required for staff (the benchmark logins cannot type codes), scheduled jobs off (they would run on their own schedule in the middle of a measurement; the annual-wheel job is measured on its own below), " +
            "Serilog at Warning (request logging would otherwise write a line per request). Production redirects plain HTTP and sets Secure `__Host-` cookies, so the benchmark plays the TLS-terminating proxy on loopback: " +
            "every request carries `X-Forwarded-Proto: https` (trusted from loopback, `Network:KnownProxies`), and cookies are kept by the client. No Development shortcut (developer exception page, scope validation, demo seeding) is measured.");
        s.AppendLine();
        s.AppendLine("  | setting | value |");
        s.AppendLine("  | --- | --- |");
        foreach (var (key, value) in input.Settings)
        {
            s.AppendLine(Inv, $"  | `{key}` | {value} |");
        }

        s.AppendLine();
        s.AppendLine(string.Create(Inv, $"- Load: a closed loop in the benchmark ({string.Join(", ", o.Clients)} clients; each client its own HttpClient and connection and sends the next request when the last byte of the previous one arrived), " +
            $"{o.Warmup:0.#} s warm-up not counted, then {o.Duration:0.#} s measured per point. ") + "Every response completed in the window counts; req/s counts 2xx only; any other status is an error and reported. " +
            string.Create(Inv, $"Before the first point every page and ceiling is requested 30 times, then put under load at {o.Clients.Max()} clients for {o.Warmup:0.#} s, round after round until the portal's CPU per request falls by less than 5 % from the round before (at least twice, at most six times: JIT tiering, caches). ") + "Latency is request start to last byte; percentiles are nearest-rank over every latency recorded. Size is the response body (no compression). Server CPU is the portal process's user + system time over the window (/proc) divided by the responses.");
        s.AppendLine("- Logins through the login form with its antiforgery token: project lead (dashboard, project page, plan PDF), sales (pipeline, offer PDF), cloud centre (queue, cloud-centre start, annual wheel), admin (customer search), a customer contact (`/my`); password the demo one.");
        s.AppendLine("- Ceiling: a minimal Kestrel endpoint in the benchmark process that reads the same rows as the dashboard (first page, unfiltered) and the project page with plain ADO.NET and writes the content as HTML without layout, session or access checks; " +
            "a page's req/s divided by its ceiling's at the same number of clients stays comparable on a noisy machine.");
        s.AppendLine("- PDFs: a second server process pinned to core 0 (`taskset -c 0`, `DOTNET_PROCESSOR_COUNT=1`), run as `docs/operations.md` says to run the portal on one CPU (`DOTNET_TieredPGO=0`, docs/adr/0013), the load generator on the other cores; the budget takes the best req/s over the client counts. The offer PDF is a draft revision (a sent one is served as stored bytes, never rendered); the plan PDF is the preview (rendered per request).");
        s.AppendLine(Inv, $"- Cold start: process start to the first 200 on `/account/login`, on the copy with its migrations applied, {o.ColdStarts} times (median). Working set: VmRSS of the server after the load run, and again after repeating every page at {o.Clients.Max()} clients.");
        s.AppendLine("- Annual wheel: `AnnualWheelJob` (plan, then invite) run twice in the benchmark's process through the portal's own DI registration (`AddPortalDatabase`, `AddPortalIdentity`, `AddPortalWeb`), on the copy after the load, timed after one query has built the EF model (as in a portal that has been serving pages).");
        s.AppendLine();

        foreach (var run in input.Runs)
        {
            WriteRun(s, run, input.Baseline);
        }

        if (input.Runs.Count > 1)
        {
            WriteSideBySide(s, input.Runs);
        }

        return s.ToString();
    }

    private static void WriteRun(StringBuilder s, RunResults run, RunResults? baseline)
    {
        s.AppendLine(Inv, $"## {run.Label}");
        s.AppendLine();
        s.AppendLine("### Data set");
        s.AppendLine();
        var source = run.Provider == nameof(Provider.Sqlite) ? Path.GetFileName(run.Source) : run.Source;
        s.AppendLine(Inv, $"`{source}` ({run.Label}): {string.Join(", ", run.Counts.Select(c => string.Create(Inv, $"{c.Key} {c.Value:#,0}")))}.");
        s.AppendLine();
        var ids = run.Ids;
        s.AppendLine(Inv, $"Ids used ({ids.Source}): project {ids.ProjectId} ({ids.ProjectSteps} steps), offer revision {ids.OfferRevisionId}, project in operation {ids.OperationsProjectId} (wheel), customer login `{ids.CustomerLogin}`, search `{ids.SearchTerm}`.");
        s.AppendLine();

        s.AppendLine("### Summary at 8 clients");
        s.AppendLine();
        var demoHeader = baseline is null ? string.Empty : " demo data p95 @8 |";
        s.AppendLine(Inv, $"| page |{demoHeader} p95 @1 | req/s @8 | p95 @8 | server CPU per request @8 | HTML | req/s / ceiling @8 |");
        s.AppendLine(Inv, $"| --- |{(baseline is null ? string.Empty : " --- |")} --- | --- | --- | --- | --- | --- |");
        foreach (var t in run.Targets.Where(t => t.Kind == TargetKind.Page))
        {
            var at1 = run.Point(t.Name, 1);
            var at8 = run.Point(t.Name, Budgets.LoadClients);
            var demo = baseline?.Point(t.Name, Budgets.LoadClients);
            var ratio = Budgets.CeilingRatio(run, t.Name, Budgets.LoadClients);
            var demoCell = baseline is null ? string.Empty : $" {Ms(demo?.Latency.P95Ms)} |";
            var cpu = Ms(at8?.ServerCpuMsPerRequest) + (demo?.ServerCpuMsPerRequest is { } dc ? string.Create(Inv, $" ({dc:0.0} demo)") : string.Empty);
            s.AppendLine(Inv, $"| {t.Title} |{demoCell} {Ms(at1?.Latency.P95Ms)} | {Rate(at8)} | {Ms(at8?.Latency.P95Ms)} | {cpu} | {(at8 is null ? "–" : Budgets.Kb(at8.ResponseBytes))} | {(ratio is { } r ? r.ToString("0.00", Inv) : string.Empty)} |");
        }

        s.AppendLine();
        s.AppendLine("### Every point");
        s.AppendLine();
        s.AppendLine("| target | clients | req/s | p50 ms | p95 ms | p99 ms | max ms | size | server CPU ms/req | errors |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var t in run.Targets)
        {
            foreach (var p in run.Points.Where(p => p.Target == t.Name).OrderBy(p => p.Clients))
            {
                s.AppendLine(Inv, $"| {t.Name}{(t.Kind == TargetKind.Pdf ? " (1 core)" : string.Empty)} | {p.Clients} | {Rate(p)} | {Ms(p.Latency.P50Ms)} | {Ms(p.Latency.P95Ms)} | {Ms(p.Latency.P99Ms)} | {Ms(p.Latency.MaxMs)} | {Budgets.Kb(p.ResponseBytes)} | {Ms(p.ServerCpuMsPerRequest)} | {(p.Errors == 0 ? "0" : p.ErrorText)} |");
            }
        }

        if (run.RepeatPoints.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Repeated pass (for the working set):");
            s.AppendLine();
            s.AppendLine("| page | clients | req/s | p95 ms | errors |");
            s.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (var p in run.RepeatPoints)
            {
                s.AppendLine(Inv, $"| {p.Target} | {p.Clients} | {Rate(p)} | {Ms(p.Latency.P95Ms)} | {(p.Errors == 0 ? "0" : p.ErrorText)} |");
            }
        }

        s.AppendLine();
        s.AppendLine("### Budgets");
        s.AppendLine();
        s.AppendLine("| budget | limit | measured | verdict |");
        s.AppendLine("| --- | --- | --- | --- |");
        var lines = Budgets.Evaluate(run);
        foreach (var b in lines)
        {
            s.AppendLine(Inv, $"| {b.Budget} | {b.Limit} | {b.Measured} | {Verdict(b.Verdict)} |");
        }

        s.AppendLine();
        s.AppendLine(Inv, $"{lines.Count(l => l.Verdict == Load.Verdict.Pass)} PASS, {lines.Count(l => l.Verdict == Load.Verdict.Fail)} FAIL, {lines.Count(l => l.Verdict == Load.Verdict.NotMeasured)} not measured.");
        if (run.Wheel is { } w)
        {
            s.AppendLine();
            s.AppendLine(Inv, $"Annual wheel: {w.InOperation} projects in operation; first run {w.FirstSeconds:0.00} s ({w.FirstPlanned} meetings planned, {w.FirstInvited} invitations), second run {w.SecondSeconds:0.00} s ({w.SecondPlanned} planned, {w.SecondInvited} invitations).");
        }

        if (run.ColdStartsSeconds.Count > 0)
        {
            s.AppendLine();
            s.AppendLine(Inv, $"Cold starts: {string.Join(", ", run.ColdStartsSeconds.Select(c => c.ToString("0.00", Inv)))} s.");
        }

        foreach (var note in run.Notes)
        {
            s.AppendLine();
            s.AppendLine("Note: " + note);
        }

        s.AppendLine();
    }

    private static void WriteSideBySide(StringBuilder s, IReadOnlyList<RunResults> runs)
    {
        s.AppendLine("## Side by side at 8 clients");
        s.AppendLine();
        s.AppendLine("| target | " + string.Join(" | ", runs.Select(r => $"{r.Label} req/s | {r.Label} p95 ms")) + " |");
        s.AppendLine("| --- | " + string.Join(" | ", runs.Select(_ => "--- | ---")) + " |");
        foreach (var t in runs[0].Targets)
        {
            s.AppendLine($"| {t.Name} | " + string.Join(" | ", runs.Select(r => r.Point(t.Name, Budgets.LoadClients) is { } p ? $"{Rate(p)} | {Ms(p.Latency.P95Ms)}" : "– | –")) + " |");
        }

        s.AppendLine();
    }

    private static string Verdict(Verdict v) => v switch
    {
        Load.Verdict.Pass => "PASS",
        Load.Verdict.Fail => "**FAIL**",
        _ => "not measured",
    };

    private static string Ms(double? ms) => ms is { } v && !double.IsNaN(v) ? v.ToString(v < 10 ? "0.0" : "#,0", Inv) : "–";

    private static string Rate(PointResult? p) => p is null ? "–" : p.Throughput.ToString(p.Throughput < 10 ? "0.0" : "#,0", Inv);

    private static string Quote(string arg) => arg.Any(c => char.IsWhiteSpace(c) || c is ';' or '"' or '\'') ? $"\"{arg.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : arg;
}
