using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace MigrationPortal.Load;

/// <summary>The one command: see README.md.</summary>
public static partial class LoadProgram
{
    private const int WarmRequests = 30;

    private static readonly Dictionary<Role, string> StaffLogins = new()
    {
        [Role.ProjectLead] = "prosjektleder@leverandor.example",
        [Role.Sales] = "salg@leverandor.example",
        [Role.CloudCentre] = "skysenter@leverandor.example",
        [Role.Admin] = "admin@leverandor.example",
    };

    public static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var root = RepositoryRoot();
        var webDir = Path.GetFullPath(options.WebDir ?? Path.Combine(root, "src", "MigrationPortal.Web", "bin", BuildConfiguration, "net10.0"));
        if (!File.Exists(Path.Combine(webDir, "MigrationPortal.Web.dll")))
        {
            await Console.Error.WriteLineAsync($"No MigrationPortal.Web.dll in {webDir}: build with `dotnet build -c Release benchmarks/MigrationPortal.Load` (it builds the portal too).");
            return 2;
        }

        if (BuildConfiguration != "Release")
        {
            Log($"warning: this is a {BuildConfiguration} build; measure with -c Release");
        }

        var work = Directory.CreateTempSubdirectory("mp-load-");
        try
        {
            var settings = Settings(work.FullName);
            var runs = new List<RunResults>();
            var primary = options.Provider == Provider.Sqlite ? options.Database! : options.Connection!;
            runs.Add(await MeasureAsync(options, options.Provider, primary, webDir, work.FullName, settings, "main"));
            if (options.Postgres is { } pg)
            {
                runs.Add(await MeasureAsync(options, Provider.Postgres, pg, webDir, work.FullName, settings, "pg"));
            }

            RunResults? baseline = null;
            if (options.Baseline is { } demo)
            {
                baseline = await BaselineAsync(options, demo, webDir, work.FullName, settings);
            }

            var markdown = Report.Write(new Report.Input(options, Machine.Describe(), runs, baseline, BuildConfiguration, SettingsForReport(settings)));
            if (options.Report is { } file)
            {
                var path = Path.IsPathRooted(file) ? file : Path.Combine(root, file);
                await File.WriteAllTextAsync(path, markdown, new UTF8Encoding(false));
                Log($"report written to {path}");
            }
            else
            {
                Console.WriteLine(markdown);
            }

            var failed = runs.SelectMany(Budgets.Evaluate).Count(b => b.Verdict == Verdict.Fail);
            Log($"{failed} budget lines FAIL (reported, not an error)");
            return 0;
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                Log($"could not delete {work.FullName}");
            }
        }
    }

#if DEBUG
    private static readonly string BuildConfiguration = "Debug";
#else
    private static readonly string BuildConfiguration = "Release";
#endif

    private static async Task<RunResults> MeasureAsync(Options o, Provider provider, string source, string webDir, string work, Dictionary<string, string> baseSettings, string tag)
    {
        Log($"{provider}: copying {(provider == Provider.Sqlite ? source : new Npgsql.NpgsqlConnectionStringBuilder(source).Database)}");
        await using var data = await DataSet.CopyAsync(provider, source, work, $"{tag}{Environment.ProcessId}");
        var ids = await data.IdsAsync(o.IdsFile ?? (provider == Provider.Sqlite ? source + ".json" : null));
        var run = new RunResults { Label = provider == Provider.Sqlite ? "SQLite" : "PostgreSQL", Provider = provider.ToString(), Ids = ids, Source = data.Source, Counts = await data.CountsAsync() };
        Log($"ids: project {ids.ProjectId} ({ids.ProjectSteps} steps), offer revision {ids.OfferRevisionId}, operations project {ids.OperationsProjectId}, customer {ids.CustomerLogin}, search '{ids.SearchTerm}' ({ids.Source})");
        var settings = new Dictionary<string, string>(baseSettings)
        {
            ["Database__Provider"] = provider.ToString(),
            ["Database__ConnectionString"] = data.ConnectionString,
        };
        var serverLog = Path.Combine(work, $"server-{tag}.log");
        var startTimeout = TimeSpan.FromSeconds(120);

        for (var i = 0; i < o.ColdStarts; i++)
        {
            await using var cold = await PortalServer.StartAsync(webDir, settings, pinned: false, serverLog, startTimeout);
            run.ColdStartsSeconds.Add(cold.StartSeconds);
            Log($"cold start {i + 1}: {cold.StartSeconds:0.00} s");
        }

        var targets = Targets.Portal(ids).Where(t => o.Only?.Contains(t.Name) != false).ToList();
        var pages = targets.Where(t => t.Kind == TargetKind.Page).ToList();
        var pdfs = targets.Where(t => t.Kind == TargetKind.Pdf).ToList();
        var ceilings = Targets.Ceilings(ids).Where(t => o.Only?.Contains(t.Name) != false).ToList();
        run.Targets.AddRange(pages);
        run.Targets.AddRange(ceilings);
        run.Targets.AddRange(pdfs);
        var warmup = TimeSpan.FromSeconds(o.Warmup);
        var duration = TimeSpan.FromSeconds(o.Duration);

        await using (var server = await PortalServer.StartAsync(webDir, settings, pinned: false, serverLog, startTimeout))
        await using (var ceiling = await Ceiling.StartAsync(data))
        {
            var sessions = await LoginAsync(server.BaseUri, ids, pages.Select(p => p.Role));
            await WarmAsync(server.BaseUri, ceiling.BaseUri, pages, ceilings, sessions, run, o.Clients.Max(), warmup, server.CpuSeconds);
            foreach (var clients in o.Clients)
            {
                foreach (var t in pages.Concat(ceilings))
                {
                    var point = t.Kind == TargetKind.Ceiling
                        ? await LoadGenerator.RunAsync(t.Name, new Uri(ceiling.BaseUri, t.Path), null, clients, warmup, duration, null)
                        : await LoadGenerator.RunAsync(t.Name, new Uri(server.BaseUri, t.Path), sessions[t.Role].CookieHeader, clients, warmup, duration, server.CpuSeconds);
                    run.Points.Add(point);
                    LogPoint(point);
                }
            }

            var first = server.Memory();
            Log($"working set after the load run: {first.RssMb:0} MB (peak {first.PeakMb:0} MB); repeating the pages at {o.Clients.Max()} clients");
            foreach (var t in pages)
            {
                var point = await LoadGenerator.RunAsync(t.Name, new Uri(server.BaseUri, t.Path), sessions[t.Role].CookieHeader, o.Clients.Max(), warmup, duration, server.CpuSeconds);
                run.RepeatPoints.Add(point);
                LogPoint(point);
            }

            var second = server.Memory();
            run.Memory = new MemoryResult(first.RssMb, second.RssMb, second.PeakMb);
            Log($"working set after the repeated run: {second.RssMb:0} MB (peak {second.PeakMb:0} MB)");
        }

        if (pdfs.Count > 0)
        {
            await MeasurePdfsAsync(o, run, pdfs, ids, webDir, settings, serverLog, warmup, duration, startTimeout);
        }

        if (!o.SkipWheel)
        {
            Log("annual-wheel job, twice, in-process");
            run.Wheel = await WheelRun.RunAsync(data, webDir, settings);
            Log($"wheel: {run.Wheel}");
            if (run.Wheel.FutureWheelMeetingsDeleted > 0)
            {
                run.Notes.Add($"The copy held {run.Wheel.FutureWheelMeetingsDeleted} future wheel meetings; they were deleted (with their participants) before the job's first run, so it plans the next twelve months for every customer in operation.");
            }
        }

        return run;
    }

    /// <summary>The PDFs with the server on core 0 alone (taskset, DOTNET_PROCESSOR_COUNT=1, DOTNET_TieredPGO=0 as for a one-CPU host) and this process on the others.</summary>
    private static async Task MeasurePdfsAsync(Options o, RunResults run, List<Target> pdfs, DataSetIds ids, string webDir, Dictionary<string, string> settings, string serverLog, TimeSpan warmup, TimeSpan duration, TimeSpan startTimeout)
    {
        using var self = Process.GetCurrentProcess();
        var pinnable = OperatingSystem.IsLinux() && Environment.ProcessorCount >= 2;
        var all = OperatingSystem.IsLinux() ? self.ProcessorAffinity : 0;
        if (!pinnable)
        {
            run.Notes.Add("One core only: the PDF server and the load generator shared it.");
        }

        await using var server = await PortalServer.StartAsync(webDir, settings, pinned: pinnable, serverLog, startTimeout);
        try
        {
            if (pinnable && OperatingSystem.IsLinux())
            {
                self.ProcessorAffinity = all & ~(nint)1;
            }

            var sessions = await LoginAsync(server.BaseUri, ids, pdfs.Select(p => p.Role));
            foreach (var pdf in pdfs)
            {
                var pages = await PdfPagesAsync(new Uri(server.BaseUri, pdf.Path), sessions[pdf.Role].CookieHeader);
                if (pdf.Name == Targets.OfferPdf)
                {
                    run.OfferPdfPages = pages;
                }
                else
                {
                    run.PlanPdfPages = pages;
                }

                foreach (var clients in o.Clients)
                {
                    var point = await LoadGenerator.RunAsync(pdf.Name, new Uri(server.BaseUri, pdf.Path), sessions[pdf.Role].CookieHeader, clients, warmup, duration, server.CpuSeconds);
                    run.Points.Add(point);
                    LogPoint(point);
                }
            }
        }
        finally
        {
            if (pinnable && OperatingSystem.IsLinux())
            {
                self.ProcessorAffinity = all;
            }
        }
    }

    /// <summary>The demo data measured back to back: the pages at 8 clients, for the report's "demo data" column.</summary>
    private static async Task<RunResults> BaselineAsync(Options o, string demo, string webDir, string work, Dictionary<string, string> baseSettings)
    {
        Log($"baseline: the demo data in {demo}");
        await using var data = await DataSet.CopyAsync(Provider.Sqlite, demo, work, $"demo{Environment.ProcessId}");
        var ids = await data.IdsAsync(null);
        var run = new RunResults { Label = "demo data", Provider = Provider.Sqlite.ToString(), Ids = ids, Source = data.Source, Counts = await data.CountsAsync() };
        var settings = new Dictionary<string, string>(baseSettings) { ["Database__Provider"] = "Sqlite", ["Database__ConnectionString"] = data.ConnectionString };
        var pages = Targets.Portal(ids).Where(t => t.Kind == TargetKind.Page).ToList();
        run.Targets.AddRange(pages);
        await using var server = await PortalServer.StartAsync(webDir, settings, pinned: false, Path.Combine(work, "server-demo.log"), TimeSpan.FromSeconds(120));
        var sessions = await LoginAsync(server.BaseUri, ids, pages.Select(p => p.Role));
        await WarmAsync(server.BaseUri, server.BaseUri, pages, [], sessions, run, Budgets.LoadClients, TimeSpan.FromSeconds(o.Warmup), server.CpuSeconds);
        foreach (var t in pages)
        {
            var point = await LoadGenerator.RunAsync(t.Name, new Uri(server.BaseUri, t.Path), sessions[t.Role].CookieHeader, Budgets.LoadClients,
                TimeSpan.FromSeconds(o.Warmup), TimeSpan.FromSeconds(o.Duration), server.CpuSeconds);
            run.Points.Add(point);
            LogPoint(point);
        }

        return run;
    }

    private static async Task<Dictionary<Role, PortalSession>> LoginAsync(Uri baseUri, DataSetIds ids, IEnumerable<Role> roles)
    {
        var sessions = new Dictionary<Role, PortalSession>();
        foreach (var role in roles.Distinct())
        {
            sessions[role] = await PortalSession.LoginAsync(baseUri, role == Role.Customer ? ids.CustomerLogin : StaffLogins[role], ids.Password);
        }

        return sessions;
    }

    /// <summary>
    /// Each page and ceiling <see cref="WarmRequests"/> times before the first point, then each under load for the warm-up
    /// time, round after round until the portal's CPU per request stops falling (at least twice, at most six times), so the
    /// points measure a server that has been up a while: the JIT's tiering (a method is recompiled optimized after 30 calls,
    /// in the background, once no new method has been compiled for 100 ms, and dynamic PGO compiles it twice) and the caches do not
    /// land on whichever target happens to be measured first. A page that does not answer 200 is said now (its points will
    /// count the errors).
    /// </summary>
    private static async Task WarmAsync(Uri baseUri, Uri ceilingUri, List<Target> pages, IReadOnlyList<Target> ceilings, Dictionary<Role, PortalSession> sessions, RunResults run, int clients, TimeSpan warmup, Func<double?> serverCpu)
    {
        await WarmOnceAsync(baseUri, ceilingUri, pages, ceilings, sessions, run);

        // At least twice round; then again while the portal's CPU per request still falls by more than 5 % from one
        // round to the next (the JIT is still tiering up), at most six rounds.
        var rounds = 0;
        double? last = null;
        while (rounds < MaxWarmRounds)
        {
            rounds++;
            double cpu = 0;
            long requests = 0;
            foreach (var t in pages.Concat(ceilings))
            {
                var ceiling = t.Kind == TargetKind.Ceiling;
                var point = await LoadGenerator.RunAsync(t.Name, new Uri(ceiling ? ceilingUri : baseUri, t.Path), ceiling ? null : sessions[t.Role].CookieHeader, clients, TimeSpan.Zero, warmup, ceiling ? null : serverCpu);
                if (point.ServerCpuMsPerRequest is { } ms)
                {
                    cpu += ms * point.Ok;
                    requests += point.Ok;
                }
            }

            var perRequest = requests > 0 ? cpu / requests : (double?)null;
            Log($"warm-up round {rounds}: {perRequest:0.00} ms portal CPU per request");
            if (rounds >= 2 && (perRequest is null || last is null || perRequest > last * 0.95))
            {
                break;
            }

            last = perRequest;
        }

        Log($"warmed: every target {WarmRequests} times, then {rounds} rounds of {warmup.TotalSeconds:0} s under load at {clients} clients");
    }

    private const int MaxWarmRounds = 6;

    private static async Task WarmOnceAsync(Uri baseUri, Uri ceilingUri, List<Target> pages, IReadOnlyList<Target> ceilings, Dictionary<Role, PortalSession> sessions, RunResults run)
    {
        using var http = LoadGenerator.NewClient(TimeSpan.FromSeconds(120));
        foreach (var t in pages.Concat(ceilings))
        {
            var uri = new Uri(t.Kind == TargetKind.Ceiling ? ceilingUri : baseUri, t.Path);
            for (var i = 0; i < WarmRequests; i++)
            {
                using var request = PortalSession.Request(HttpMethod.Get, uri, t.Kind == TargetKind.Ceiling ? null : sessions[t.Role].CookieHeader);
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if ((int)response.StatusCode is < 200 or > 299)
                {
                    var note = $"{t.Name} ({t.Path}) answered {(int)response.StatusCode} {response.Headers.Location} before the load.";
                    run.Notes.Add(note);
                    Log(note);
                    break;
                }
            }
        }
    }

    private static async Task<int?> PdfPagesAsync(Uri uri, string cookie)
    {
        using var http = LoadGenerator.NewClient(TimeSpan.FromSeconds(120));
        using var request = PortalSession.Request(HttpMethod.Get, uri, cookie);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var text = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
        return PdfPage().Count(text);
    }

    /// <summary>The portal's settings for the run (environment variables of the server process; the wheel's host reads them too).</summary>
    private static Dictionary<string, string> Settings(string work)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var pfx = Path.Combine(work, "benchmark-certificate.pfx");
        using (var rsa = RSA.Create(3072))
        {
            var request = new CertificateRequest("CN=MigrationPortal load benchmark", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(
                X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
            var now = TimeProvider.System.GetUtcNow();
            using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            File.WriteAllBytes(pfx, cert.Export(X509ContentType.Pfx, password));
        }

        return new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Portal__PublicUrl"] = "https://portal.benchmark.example",
            ["DataProtection__Certificate__Path"] = pfx,
            ["DataProtection__Certificate__Password"] = password,
            ["Contract__Certificate__Path"] = pfx,
            ["Contract__Certificate__Password"] = password,
            ["Security__RequireTwoFactorForStaff"] = "false",
            ["Jobs__Enabled"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Logging__Directory"] = Path.Combine(work, "logs"),
        };
    }

    /// <summary>The settings as the report shows them: paths and the password left out.</summary>
    private static IReadOnlyList<(string Key, string Value)> SettingsForReport(Dictionary<string, string> settings) =>
        [.. settings.Select(s => (s.Key.Replace("__", ":", StringComparison.Ordinal),
            s.Key.EndsWith("Password", StringComparison.Ordinal) ? "(random)" : s.Key.EndsWith("Path", StringComparison.Ordinal) || s.Key.EndsWith("Directory", StringComparison.Ordinal) ? "(a file in the run's temporary folder)" : s.Value))];

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MigrationPortal.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from the repository (no MigrationPortal.sln above the current folder).");
    }

    private static void LogPoint(PointResult p) =>
        Log($"{p.Target,-18} {p.Clients,3} clients: {p.Throughput,8:0.0} req/s  p50 {p.Latency.P50Ms,7:0.0}  p95 {p.Latency.P95Ms,7:0.0}  p99 {p.Latency.P99Ms,7:0.0} ms  " +
            $"{Budgets.Kb(p.ResponseBytes),10}  {(p.ServerCpuMsPerRequest is { } cpu ? $"{cpu:0.0} ms CPU/req" : string.Empty)}{(p.Errors > 0 ? $"  errors: {p.ErrorText}" : string.Empty)}");

    public static void Log(string message) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{TimeProvider.System.GetLocalNow():HH:mm:ss}] {message}"));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();
}
