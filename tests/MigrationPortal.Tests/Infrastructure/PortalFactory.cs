using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP on a real database: a fresh one per factory (one per test class) of the provider the
/// run chose, SQLite unless MP_TEST_PROVIDER=Postgres (see <see cref="TestDatabase"/>). The demo data is loaded,
/// so tests name the demo's customers and users.
/// Time stands still: the app's <see cref="TimeProvider"/> is <see cref="Clock"/>, fixed at <see cref="Instant"/>,
/// so the demo data, the app and the tests' expectations all see the same day whenever the suite runs.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase database;

    /// <summary>The app on a fresh database of the run's provider.</summary>
    public PortalFactory()
        : this(TestDatabase.ForTestRun())
    {
    }

    /// <summary>The app on the given database (a SQLite file whatever the run, for what only the embedded database has).</summary>
    protected PortalFactory(TestDatabase database) => this.database = database;

    public DatabaseProvider Provider => database.Provider;

    public string ConnectionString => database.ConnectionString;

    /// <summary>Where this factory's demo contract seal is kept (made on the first acceptance, deleted with the factory).</summary>
    public string SealFile { get; } = Path.Combine(Path.GetTempPath(), "mp-tests", $"seal-{Guid.NewGuid():N}.pfx.protected");

    /// <summary>The certificate this factory's Data Protection key ring is encrypted with (made at start, deleted with the factory).</summary>
    public string KeyRingCertificateFile { get; init; } = Path.Combine(Path.GetTempPath(), "mp-tests", $"keyring-{Guid.NewGuid():N}.pfx");

    /// <summary>
    /// The moment every test factory starts at: a Monday mid-month, 10:00 in Oslo, on the same date in UTC and
    /// Oslo, far from a month end or a daylight-saving change. Near the real date, so nothing outside the app minds.
    /// </summary>
    public static readonly DateTimeOffset Instant = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The app's clock (registered as its <see cref="TimeProvider"/>); a test may advance it.</summary>
    public FakeTimeProvider Clock { get; } = new(Instant);

    /// <summary>Today in Oslo by <see cref="Clock"/>, the date the app works with.</summary>
    public DateOnly Today => Display.TodayInOslo(Clock);

    /// <summary>Now by <see cref="Clock"/>, as the UTC <see cref="DateTime"/> the app stores.</summary>
    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Portal:PublicUrl", "https://portal.example");
        builder.UseSetting("Logging:Directory", Path.Combine(Path.GetTempPath(), "mp-tests", "logs"));

        // The demo contract seal of this factory, not the developer's one in the project's App_Data.
        builder.UseSetting("Contract:Certificate:DevelopmentFile", SealFile);
        builder.UseSetting("DataProtection:Certificate:DevelopmentFile", KeyRingCertificateFile);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, LoopbackAddress>();
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects; cookies expire by <see cref="Clock"/>.</summary>
    public PortalClient Client() => new(CreateDefaultClient(new CookieContainerHandler(), new CookiesExpireByClock(Clock)));

    /// <summary>A client signed in as the given demo user.</summary>
    public async Task<PortalClient> LoginAsync(string email)
    {
        var client = Client();
        await client.LoginAsync(email);
        return client;
    }

    /// <summary>A scope for reading the database directly in assertions.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDb, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDb>());
    }

    Task IAsyncLifetime.InitializeAsync() => database.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await database.DropAsync();
        File.Delete(SealFile);
        File.Delete(KeyRingCertificateFile);
    }
}

/// <summary>The in-memory test server has no socket; give requests the address a browser on this machine would have.</summary>
internal sealed class LoopbackAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            await nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>
/// HttpClient's cookie container drops a cookie whose Expires has passed by the machine's clock, but the app sets
/// Expires by its own (fixed) clock: a one-year culture cookie would vanish a year after <see cref="PortalFactory.Instant"/>.
/// This handler judges Expires by the app's clock instead: a cookie still valid then is kept for the client's life
/// (time does not move in a test unless the test moves it), one already expired is deleted, as a browser would.
/// </summary>
internal sealed class CookiesExpireByClock(TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues(HeaderNames.SetCookie, out var values))
        {
            var cookies = values.Select(v => SetCookieHeaderValue.Parse(v)).ToList();
            foreach (var cookie in cookies.Where(c => c.Expires is not null))
            {
                cookie.Expires = cookie.Expires > clock.GetUtcNow() ? null : DateTimeOffset.UnixEpoch;
            }

            response.Headers.Remove(HeaderNames.SetCookie);
            response.Headers.TryAddWithoutValidation(HeaderNames.SetCookie, cookies.Select(c => c.ToString()));
        }

        return response;
    }
}
