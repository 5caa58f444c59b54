using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

/// <summary>The app with one extra path that throws, to see what a user sees when the code fails.</summary>
public sealed class FailingPortalFactory : PortalFactory
{
    public const string SecretDetail = "connection string Password=hemmelig";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, ThrowingEndpoint>());
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        // Added after the app's own pipeline, so the app's exception handler is the one that catches it.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) =>
                context.Request.Path == "/test/boom" ? throw new InvalidOperationException(SecretDetail) : Task.CompletedTask);
        };
    }
}

[Trait(Suite.Name, Suite.Integration)]
public sealed class ErrorPageTests(FailingPortalFactory factory) : IClassFixture<FailingPortalFactory>
{
    [Fact]
    public async Task A_failure_shows_a_friendly_page_with_a_reference_and_no_stack_trace()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.GetAsync("/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Noe gikk galt", html, StringComparison.Ordinal);
        Assert.Contains("Referanse", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hemmelig", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
