using System.Net;
using Microsoft.AspNetCore.Hosting;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

/// <summary>The portal with small sign-in limits (the Testing environment's own are too high to reach), as production would count them.</summary>
public sealed class TightLimitsFactory : PortalFactory
{
    public const int PerAddress = 4;
    public const int PerAccount = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RateLimits:PerAddress", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:RateLimits:PerAccount", PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The sign-in, forgotten-password and reset forms are rate limited by client address and by account. Each test comes
/// from addresses of its own (X-Forwarded-For from the loopback proxy, as behind the load balancer), so the tests of this
/// class do not share a limit.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class SignInRateLimitTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    private PortalClient From(string address)
    {
        var client = factory.Client();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Dictionary<string, string?> Fields(string url, string email) => url switch
    {
        "/account/login" => new() { ["Email"] = email, ["Password"] = "feil-passord-her" },
        "/account/forgot-password" => new() { ["Email"] = email },
        _ => new() { ["Email"] = email, ["Token"] = "ikke-et-token", ["Password"] = "et passord langt nok", ["ConfirmPassword"] = "et passord langt nok" },
    };

    [Theory]
    [InlineData("/account/login", "198.51.100.1")]
    [InlineData("/account/forgot-password", "198.51.100.2")]
    [InlineData("/account/reset-password", "198.51.100.3")]
    public async Task Too_many_attempts_from_one_address_answer_429_with_retry_after_and_a_friendly_page(string url, string address)
    {
        using var client = From(address);
        for (var i = 0; i < TightLimitsFactory.PerAddress; i++)
        {
            // A new account each time, so only the address limit can be reached.
            var allowed = await client.PostFormAsync(url, Fields(url, $"person{i}@{address}.example"), tokenFrom: "/account/login");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        var refused = await client.PostFormAsync(url, Fields(url, $"enda-en@{address}.example"), tokenFrom: "/account/login");
        using var elsewhere = From("198.51.100.99");
        var otherAddress = await elsewhere.PostFormAsync(url, Fields(url, $"enda-en@{address}.example"), tokenFrom: "/account/login");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal("For mange forsøk", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Vent litt og prøv igjen", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherAddress.StatusCode);

        // The refusal is a security event, with the address it came from and what was asked.
        Assert.True(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.SecurityEvents,
            e => e.Kind == MigrationPortal.Web.Domain.SecurityEventKind.RateLimited && e.IpAddress == address && e.Detail == "POST " + url)));
    }

    [Fact]
    public async Task Guessing_one_account_from_many_addresses_is_limited_whether_or_not_the_account_exists()
    {
        async Task<HttpResponseMessage> AttemptAsync(string email, int from)
        {
            using var client = From($"203.0.113.{from}");
            return await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = "feil-passord-her" }, tokenFrom: "/account/login");
        }

        var known = new List<HttpStatusCode>();
        var unknown = new List<HttpStatusCode>();
        for (var i = 0; i <= TightLimitsFactory.PerAccount; i++)
        {
            known.Add((await AttemptAsync(Demo.CloudCenter, 10 + i)).StatusCode);
            unknown.Add((await AttemptAsync("finnes.ikke@leverandor.example", 50 + i)).StatusCode);
        }

        // The e-mail is the account as typed: the same address in capitals is the same account.
        var shouted = await AttemptAsync(Demo.CloudCenter.ToUpperInvariant(), 90);
        var another = await AttemptAsync(Demo.Sales, 91);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, TightLimitsFactory.PerAccount), HttpStatusCode.TooManyRequests], known);
        Assert.Equal(known, unknown);
        Assert.Equal(HttpStatusCode.TooManyRequests, shouted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, another.StatusCode);
    }

    [Fact]
    public async Task The_page_for_too_many_attempts_speaks_the_users_language()
    {
        using var client = From("198.51.100.20");
        await client.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" }, tokenFrom: "/account/login");

        HttpResponseMessage last = null!;
        for (var i = 0; i <= TightLimitsFactory.PerAddress; i++)
        {
            last = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = $"english{i}@example.com" }, tokenFrom: "/account/login");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("Too many attempts", (await PortalClient.ParseAsync(last)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Pages_that_only_show_a_form_are_not_counted()
    {
        using var client = From("198.51.100.30");
        for (var i = 0; i < TightLimitsFactory.PerAddress * 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        }

        var post = await client.PostFormAsync("/account/login", new() { ["Email"] = "ny@example.com", ["Password"] = "feil-passord-her" }, tokenFrom: "/account/login");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }
}
