using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure;

namespace MigrationPortal.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP on a real database: a fresh one per factory (one per test class) of the provider the
/// run chose, SQLite unless MP_TEST_PROVIDER=Postgres (see <see cref="TestDatabase"/>). The demo data is loaded,
/// so tests name the demo's customers and users.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.ForTestRun();

    public DatabaseProvider Provider => database.Provider;

    public string ConnectionString => database.ConnectionString;

    public CapturingMailer Mailer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Portal:PublicUrl", "https://portal.example");
        builder.UseSetting("Logging:Directory", Path.Combine(Path.GetTempPath(), "mp-tests", "logs"));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IAccountMailer>(Mailer);
            services.AddSingleton<IStartupFilter, LoopbackAddress>();
        });
    }

    public PortalClient Client() => PortalClient.For(this);

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

public sealed class CapturingMailer : IAccountMailer
{
    public ConcurrentQueue<(string Email, bool Invitation, string Link)> Sent { get; } = new();

    public Task SendPasswordLinkAsync(string email, string displayName, bool invitation, string link, CancellationToken ct = default)
    {
        Sent.Enqueue((email, invitation, link));
        return Task.CompletedTask;
    }
}
