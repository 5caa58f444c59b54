using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class SecurityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/dashboard")]
    [InlineData("/error/404")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = await factory.LoginAsync(Demo.Lead);

        var response = await client.GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/projects/1")]
    [InlineData("/projects/1/steps/1/edit")]
    [InlineData("/customers/new")]
    [InlineData("/admin/users/new")]
    [InlineData("/projects/1/meetings/new")]
    public async Task Pages_have_no_inline_script_or_style_so_the_csp_holds(string url)
    {
        using var client = await factory.LoginAsync(Demo.Admin);

        var (status, page) = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(page.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source)));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task A_login_form_with_errors_has_no_inline_style_either()
    {
        using var client = factory.Client();

        var response = await client.PostFormAsync("/account/login", new() { ["Email"] = "", ["Password"] = "" }, tokenFrom: "/account/login");

        var page = await PortalClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#error-summary"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void The_antiforgery_filter_is_registered_globally()
    {
        var options = (Microsoft.Extensions.Options.IOptions<MvcOptions>)factory.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<MvcOptions>))!;

        Assert.Contains(options.Value.Filters, f => f is AutoValidateAntiforgeryTokenAttribute);
    }

    [Theory]
    [InlineData("/customers/new")]
    [InlineData("/admin/users/new")]
    [InlineData("/culture")]
    [InlineData("/account/logout")]
    public async Task A_post_without_an_antiforgery_token_is_refused(string url)
    {
        using var admin = await factory.LoginAsync(Demo.Admin);

        var response = await admin.PostFormAsync(url, new() { ["Name"] = "Uten token", ["OrgNumber"] = "974191008", ["culture"] = "en" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void No_post_action_opts_out_of_antiforgery_validation()
    {
        var actions = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Controller).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.GetCustomAttributes<HttpMethodAttribute>().Any(a => a.HttpMethods.Contains("POST")))
            .ToList();

        // The error pages are the one exception: they re-execute refused requests of any verb and change nothing.
        Assert.NotEmpty(actions);
        Assert.All(typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null), t => Assert.Equal("ErrorController", t.Name));
        Assert.All(actions, x =>
        {
            Assert.Null(x.Method.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>());
            Assert.Null(x.Type.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>());
        });
    }

    [Fact]
    public async Task Health_answers_without_login_when_the_database_is_reachable()
    {
        using var client = factory.Client();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_page_shows_a_friendly_error_in_the_users_language()
    {
        using var client = await factory.LoginAsync(Demo.Lead);

        var (status, nb) = await client.GetPageAsync("/projects/999999");
        await client.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        var (_, en) = await client.GetPageAsync("/projects/999999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Fant ikke siden", nb.QuerySelector("h1")!.TextContent);
        Assert.Equal("Page not found", en.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Culture_switch_refuses_to_redirect_off_site()
    {
        using var client = factory.Client();

        var response = await client.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, tokenFrom: "/account/login");

        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Norwegian_letters_are_written_as_letters_and_markup_in_data_is_still_escaped()
    {
        await factory.WithDbAsync(async db =>
        {
            var c = await db.Customers.SingleAsync(x => x.Name == "Ringebu kommune");
            c.City = "<script>alert('ø')</script>";
            return await db.SaveChangesAsync();
        });
        using var lead = await factory.LoginAsync(Demo.Lead);

        var html = await (await lead.GetAsync("/customers?q=ringebu")).Content.ReadAsStringAsync();

        Assert.Contains("Sør-Fron", await (await lead.GetAsync("/dashboard")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
