using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using OtpNet;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// Two-factor sign-in over HTTP: the codes are computed here from the key the set-up page shows (Otp.NET, RFC 6238) at
/// the app's clock (<see cref="PortalFactory.Clock"/>, which the app's authenticator check reads), never taken from the app.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class TwoFactorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_customer_sets_up_the_app_and_then_signs_in_with_password_and_code()
    {
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var (_, status) = await kari.GetPageAsync("/account/security");
        Assert.Contains("slått av", status.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var setup = await kari.GetAsync("/account/security/authenticator");
        var page = await PortalClient.ParseAsync(setup);
        Assert.Contains("no-store", setup.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var qr = page.QuerySelector("main img")!;
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("skriv inn nøkkelen", qr.GetAttribute("alt"), StringComparison.Ordinal);
        var grouped = page.QuerySelector("#shared-key")!.TextContent.Trim();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", grouped);
        AssertCodeField(page);

        var key = grouped.Replace(" ", string.Empty, StringComparison.Ordinal);
        var wrong = await kari.PostFormAsync("/account/security/authenticator", new() { ["Code"] = Other(Code(key)), ["Password"] = DemoData.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Koden stemmer ikke", (await PortalClient.ParseAsync(wrong)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var noPassword = await kari.PostFormAsync("/account/security/authenticator", new() { ["Code"] = Code(key), ["Password"] = "ikke-passordet-mitt" });
        Assert.Contains("Passordet stemmer ikke", (await PortalClient.ParseAsync(noPassword)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await TwoFactorEnabledAsync(Demo.SorFronContact));

        var enabled = await kari.PostFormAsync("/account/security/authenticator", new() { ["Code"] = Code(key), ["Password"] = DemoData.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(10, (await PortalClient.ParseAsync(enabled)).QuerySelectorAll(".recovery-code").Length);
        Assert.True(await TwoFactorEnabledAsync(Demo.SorFronContact));

        // Once on, the key is never shown again: a stolen session cannot copy the second factor.
        Assert.Equal(HttpStatusCode.Redirect, (await kari.GetAsync("/account/security/authenticator")).StatusCode);

        using var again = factory.Client();
        var password = await PasswordAsync(again, Demo.SorFronContact, returnUrl: "/my");
        Assert.Equal("/account/two-factor?returnUrl=%2Fmy", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/my")).StatusCode);
        var (_, codePage) = await again.GetPageAsync("/account/two-factor?returnUrl=%2Fmy");
        AssertCodeField(codePage);

        var refused = await again.PostFormAsync("/account/two-factor", new() { ["Code"] = Other(Code(key)), ["ReturnUrl"] = "/my" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Koden stemmer ikke", (await PortalClient.ParseAsync(refused)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/my")).StatusCode);

        // The code used to turn it on is spent; the next one (30 seconds on) signs in.
        var replayed = await again.PostFormAsync("/account/two-factor", new() { ["Code"] = Code(key), ["ReturnUrl"] = "/my" });
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var signedIn = await again.PostFormAsync("/account/two-factor", new() { ["Code"] = Code(key), ["ReturnUrl"] = "/my" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/my", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/my")).StatusCode);

        // The same code once more, from another browser, is refused: a code works once.
        using var third = factory.Client();
        await PasswordAsync(third, Demo.SorFronContact);
        var sameCode = await third.PostFormAsync("/account/two-factor", new() { ["Code"] = Code(key) });
        Assert.Equal(HttpStatusCode.OK, sameCode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/my")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_only_once_and_is_not_stored_as_typed()
    {
        var (_, _, codes) = await EnrolAsync(Demo.TromsoContact);
        Assert.Equal(10, codes.Distinct().Count());
        var stored = await factory.WithDbAsync(db => db.UserTokens.AsNoTracking().Select(t => t.Value).ToListAsync());
        Assert.DoesNotContain(stored, v => codes.Any(c => v != null
            && (v.Contains(c, StringComparison.OrdinalIgnoreCase) || v.Contains(c.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))));

        using var first = factory.Client();
        await PasswordAsync(first, Demo.TromsoContact);
        var (_, recoveryPage) = await first.GetPageAsync("/account/two-factor/recovery");
        Assert.NotNull(recoveryPage.QuerySelector("label[for=RecoveryCode]"));
        var used = await first.PostFormAsync("/account/two-factor/recovery", new() { ["RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/my")).StatusCode);

        using var second = factory.Client();
        await PasswordAsync(second, Demo.TromsoContact);
        var again = await second.PostFormAsync("/account/two-factor/recovery", new() { ["RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("allerede brukt", (await PortalClient.ParseAsync(again)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/my")).StatusCode);

        // Typed as people type: lower case, without the hyphen.
        var another = await second.PostFormAsync("/account/two-factor/recovery", new() { ["RecoveryCode"] = codes[1].Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
        var (_, status) = await second.GetPageAsync("/account/security");
        Assert.Contains("8 ubrukte", status.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_or_a_code()
    {
        var (ellen, key, _) = await EnrolAsync(Demo.TromsoSigner);

        var empty = await ellen.PostFormAsync("/account/security/disable", new());
        Assert.Contains("Skriv passordet ditt eller en kode", (await PortalClient.ParseAsync(empty)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        var wrongPassword = await ellen.PostFormAsync("/account/security/disable", new() { ["Password"] = "ikke-passordet-mitt" });
        Assert.Contains("stemmer ikke", (await PortalClient.ParseAsync(wrongPassword)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var wrongCode = await ellen.PostFormAsync("/account/security/disable", new() { ["Code"] = Other(Code(key)) });
        Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
        Assert.True(await TwoFactorEnabledAsync(Demo.TromsoSigner));

        // New recovery codes need the same; the old ones stop working.
        var (_, confirm) = await ellen.GetPageAsync("/account/security/recovery-codes");
        Assert.NotNull(confirm.QuerySelector("input#Password[type=password][autocomplete=current-password]"));
        AssertCodeField(confirm);
        var refusedCodes = await ellen.PostFormAsync("/account/security/recovery-codes", new() { ["Password"] = "ikke-passordet-mitt" });
        Assert.Empty((await PortalClient.ParseAsync(refusedCodes)).QuerySelectorAll(".recovery-code"));
        var newCodes = await ellen.PostFormAsync("/account/security/recovery-codes", new() { ["Password"] = DemoData.DemoPassword });
        Assert.Equal(10, (await PortalClient.ParseAsync(newCodes)).QuerySelectorAll(".recovery-code").Length);

        var off = await ellen.PostFormAsync("/account/security/disable", new() { ["Code"] = Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(Demo.TromsoSigner));

        // The password alone signs in again, and this session was kept.
        using var after = factory.Client();
        var password = await PasswordAsync(after, Demo.TromsoSigner);
        Assert.Equal("/", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await ellen.GetAsync("/my")).StatusCode);
    }

    [Fact]
    public async Task A_remembered_browser_skips_the_code_with_a_secure_http_only_cookie_until_forgotten()
    {
        var (_, key, _) = await EnrolAsync(Demo.Lead);
        using var browser = new PortalClient(factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(), new CookiesExpireByClock(factory.Clock)));

        await PasswordAsync(browser, Demo.Lead);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var signedIn = await browser.PostFormAsync("/account/two-factor", new() { ["Code"] = Code(key), ["RememberBrowser"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var remember = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mp.2fa.remember=", StringComparison.Ordinal));
        Assert.Contains("secure", remember, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", remember, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", remember, StringComparison.OrdinalIgnoreCase);

        await browser.PostFormAsync("/account/logout", new());
        Assert.Equal("/", (await PasswordAsync(browser, Demo.Lead)).Headers.Location!.OriginalString);

        var forgotten = await browser.PostFormAsync("/account/security/forget-browser", new());
        Assert.Equal(HttpStatusCode.Redirect, forgotten.StatusCode);
        await browser.PostFormAsync("/account/logout", new());
        Assert.StartsWith("/account/two-factor", (await PasswordAsync(browser, Demo.Lead)).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The code of the current step by the app's clock, computed from the key as an authenticator app would.</summary>
    private string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(factory.UtcNow);

    /// <summary>A six-digit code that is not <paramref name="code"/>.</summary>
    private static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(PortalClient Client, string Key, List<string> Codes)> EnrolAsync(string email)
    {
        var client = await factory.LoginAsync(email);
        var key = await TwoFactorTestSteps.KeyAsync(client);
        var response = await client.PostFormAsync("/account/security/authenticator", new() { ["Code"] = Code(key), ["Password"] = DemoData.DemoPassword });
        var codes = (await PortalClient.ParseAsync(response)).QuerySelectorAll(".recovery-code").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (client, key, codes);
    }

    private static Task<HttpResponseMessage> PasswordAsync(PortalClient client, string email, string? returnUrl = null) =>
        client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = DemoData.DemoPassword, ["ReturnUrl"] = returnUrl }, tokenFrom: "/account/login");

    private Task<bool> TwoFactorEnabledAsync(string email) => factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    /// <summary>A code field as WCAG and phones want it: labelled, offered for one-time-code autofill, a digit keyboard.</summary>
    private static void AssertCodeField(IHtmlDocument page)
    {
        var input = page.QuerySelector("input#Code")!;
        Assert.Equal("one-time-code", input.GetAttribute("autocomplete"));
        Assert.Equal("numeric", input.GetAttribute("inputmode"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("label[for=Code]")?.TextContent));
    }
}

/// <summary>The portal as configured in production: vendor staff must use two-factor sign-in.</summary>
public sealed class TwoFactorRequiredFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireTwoFactorForStaff", "true");
    }
}

[Trait(Suite.Name, Suite.Integration)]
public sealed class TwoFactorRequiredTests(TwoFactorRequiredFactory factory) : IClassFixture<TwoFactorRequiredFactory>
{
    [Fact]
    public async Task Staff_without_two_factor_reach_nothing_but_the_set_up_until_they_have_it()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);

        foreach (var url in new[] { "/", "/dashboard", "/customers", "/admin/users", "/hangfire", "/account/notifications" })
        {
            var response = await admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("/account/security/authenticator", response.Headers.Location!.OriginalString);
        }

        var post = await admin.PostFormAsync("/customers/new", new() { ["Name"] = "Lom kommune" });
        Assert.Equal("/account/security/authenticator", post.Headers.Location!.OriginalString);
        Assert.False(await factory.WithDbAsync(db => db.Customers.AnyAsync(c => c.Name == "Lom kommune")));

        var (status, setup) = await admin.GetPageAsync("/account/security/authenticator");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("må du bruke tofaktorinnlogging", setup.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var key = await TwoFactorTestSteps.KeyAsync(admin);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(factory.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostFormAsync("/account/security/authenticator", new() { ["Code"] = code, ["Password"] = DemoData.DemoPassword })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Customers_choose_for_themselves()
    {
        using var customer = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/my")).StatusCode);
    }
}

internal static class TwoFactorTestSteps
{
    /// <summary>The key the set-up page shows for typing in, without its spaces.</summary>
    public static async Task<string> KeyAsync(PortalClient client)
    {
        var (_, page) = await client.GetPageAsync("/account/security/authenticator");
        return page.QuerySelector("#shared-key")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
    }
}
