using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MigrationPortal.BrowserTests;

/// <summary>
/// The real app on a real socket (Kestrel on a free loopback port, its own SQLite file with the demo data) and
/// Debian's Chromium driven by Playwright. Without Chromium the tests skip on a developer machine, never under CI=true.
/// Screenshots for docs/screenshots/ are written only when MP_SCREENSHOTS=1, so a test run leaves the tree clean.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string dbFile = Path.Combine(Path.GetTempPath(), "mp-browser-tests", $"{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable("MP_TEST_CHROMIUM") is { Length: > 0 } p ? p
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    /// <summary>MP_SCREENSHOTS=1 writes the README's screenshots to docs/screenshots/.</summary>
    public static bool TakeScreenshots => Environment.GetEnvironmentVariable("MP_SCREENSHOTS") == "1";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MigrationPortal.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        }
    }

    public async Task InitializeAsync()
    {
        if (ChromiumPath is null)
        {
            if (IsCi)
            {
                throw new InvalidOperationException("CI=true but no Chromium: install Debian's chromium or set MP_TEST_CHROMIUM.");
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(dbFile)!);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", $"Data Source={dbFile}");
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("Portal:PublicUrl", "http://127.0.0.1");
            b.UseSetting("Logging:Directory", Path.Combine(Path.GetTempPath(), "mp-browser-tests", "logs"));

            // This run's own certificates, not files in the project's App_Data.
            b.UseSetting("DataProtection:Certificate:DevelopmentFile", Path.ChangeExtension(dbFile, ".keyring.pfx"));
            b.UseSetting("Contract:Certificate:DevelopmentFile", Path.ChangeExtension(dbFile, ".seal.pfx.protected"));

            // Port 0 on loopback: the system picks a free port, so the tests run beside anything on 5000.
            b.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        });
        factory.UseKestrel();
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        // Scheduled work is off under Testing; the jobs a real start runs once plan the annual wheel and send the notices due.
        foreach (var id in new[] { "annual-wheel", "upgrade-notices" })
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetServices<MigrationPortal.Web.Infrastructure.Jobs.IRecurringJob>().Single(j => j.Id == id).RunAsync(CancellationToken.None);
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(1280, 900);

    /// <summary>A page in a fresh browser context of the given viewport (e.g. 390 × 844 for a phone).</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "nb-NO", ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    public static async Task LoginAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Passord").FillAsync(MigrationPortal.Web.Data.DemoData.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of violations.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url}:\n{string.Join("\n", violations)}");
    }

    /// <summary>Saves the page as docs/screenshots/{name}.png when <see cref="TakeScreenshots"/>; otherwise does nothing.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!TakeScreenshots)
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}

public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.ChromiumPath is null && !BrowserFixture.IsCi)
        {
            Skip = "No Chromium: install Debian's chromium (.ci/run does) or set MP_TEST_CHROMIUM. Required when CI=true.";
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
