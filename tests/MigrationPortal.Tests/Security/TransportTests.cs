using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Security;

/// <summary>Production's transport (ASVS 3, 12): HTTPS only, cookies that cannot leak, no server banner, nothing personal cached.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class TransportTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>
{
    private HttpClient Client(string baseAddress) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    [Fact]
    public async Task Plain_http_is_redirected_to_https_never_answered_with_an_error()
    {
        using var http = Client("http://portal.example");

        foreach (var path in new[] { "/account/login", "/dashboard", "/account/forgot-password" })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{path}: {response.StatusCode}");
            Assert.Equal($"https://portal.example{path}", response.Headers.Location!.ToString());
        }

        using var content = new FormUrlEncodedContent([new("Email", "x@y.example"), new("Password", "noe")]);
        var post = await http.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        Assert.True(post.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect);
    }

    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_host_only_secure_and_http_only_and_pages_are_not_cached()
    {
        using var https = Client("https://portal.example");
        var login = await https.GetAsync(new Uri("/account/login", UriKind.Relative));
        var html = await login.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-mp.af=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        using var form = new FormUrlEncodedContent([new("Email", Demo.SorFronContact), new("Password", DemoData.DemoPassword), new("__RequestVerificationToken", token)]);
        var signedIn = await https.PostAsync(new Uri("/account/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-mp.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("; path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);

        var dashboard = await https.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.True(dashboard.Headers.CacheControl!.NoStore);
        Assert.True(dashboard.Headers.CacheControl.Private);
        Assert.False(dashboard.Headers.Contains("Server"));

        // The language cookie too is sent over HTTPS only.
        var culture = await https.PostAsync(new Uri("/culture", UriKind.Relative), new FormUrlEncodedContent([
            new("culture", "en"), new("returnUrl", "/my"),
            new("__RequestVerificationToken", System.Text.RegularExpressions.Regex.Match(await dashboard.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)]));
        Assert.Contains(culture.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Static files keep their validators and may be cached.
        var css = await https.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public void Kestrel_announces_no_server_and_the_cookies_are_configured_for_https_only()
    {
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
        var auth = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(("__Host-mp.auth", CookieSecurePolicy.Always, true, SameSiteMode.Lax), (auth.Cookie.Name, auth.Cookie.SecurePolicy, auth.Cookie.HttpOnly, auth.Cookie.SameSite));
        Assert.NotNull(auth.SessionStore);
        var antiforgery = factory.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        Assert.Equal(("__Host-mp.af", CookieSecurePolicy.Always), (antiforgery.Cookie.Name, antiforgery.Cookie.SecurePolicy));
    }

    [Fact]
    public async Task The_key_ring_is_encrypted_at_rest_with_the_operators_certificate()
    {
        using var https = Client("https://portal.example");
        await https.GetAsync(new Uri("/account/login", UriKind.Relative)); // an antiforgery token needs a key

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the master key in the clear
        });
    }
}
