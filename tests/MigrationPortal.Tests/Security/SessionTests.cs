using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Security;

/// <summary>
/// Sessions held on the server (ASVS 7): logging out, a password change and a deactivation end every copy of the
/// cookie at once; a session ends when idle and at its absolute lifetime.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class SessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Signs in and returns the sign-in cookie as a browser would send it ("mp.auth=...").</summary>
    private async Task<(PortalClient Client, string Cookie)> SignInAsync(string email)
    {
        var client = factory.Client();
        var response = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = DemoData.DemoPassword }, tokenFrom: "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mp.auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    /// <summary>A request with nothing but this cookie: a copy of it, taken from another device or a proxy log.</summary>
    private async Task<HttpStatusCode> WithCopiedCookieAsync(string cookie, string url = "/dashboard")
    {
        using var raw = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return (await raw.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task After_logout_a_copied_cookie_opens_nothing()
    {
        var (marte, cookie) = await SignInAsync(Demo.Lead);
        using var _ = marte;
        Assert.Equal(HttpStatusCode.OK, await WithCopiedCookieAsync(cookie));
        var sessions = await factory.WithDbAsync(db => db.UserSessions.CountAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await marte.PostFormAsync("/account/logout", [])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(cookie));
        Assert.Equal(sessions - 1, await factory.WithDbAsync(db => db.UserSessions.CountAsync()));
    }

    [Fact]
    public async Task A_password_change_ends_the_sessions_on_every_device()
    {
        var (laptop, laptopCookie) = await SignInAsync(Demo.Lead2);
        var (phone, phoneCookie) = await SignInAsync(Demo.Lead2);
        using var a = laptop;
        using var b = phone;
        Assert.Equal(HttpStatusCode.OK, await WithCopiedCookieAsync(phoneCookie));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var jonas = await users.FindByEmailAsync(Demo.Lead2);
            Assert.True((await users.ChangePasswordAsync(jonas!, DemoData.DemoPassword, "grønne fjell og blått hav 2031")).Succeeded);
            Assert.True((await users.ChangePasswordAsync(jonas!, "grønne fjell og blått hav 2031", DemoData.DemoPassword)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(laptopCookie));
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(phoneCookie));
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_user_is_signed_out_at_once()
    {
        var (per, cookie) = await SignInAsync(Demo.TromsoContact);
        using var _ = per;
        Assert.Equal(HttpStatusCode.OK, (await per.GetAsync("/my")).StatusCode);
        var user = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.TromsoContact).Select(u => new { u.Id, u.ConcurrencyStamp }).SingleAsync());
        var contactId = await factory.WithDbAsync(db => db.Contacts.Where(c => c.UserId == user.Id).Select(c => c.Id).SingleAsync());
        using var admin = await factory.LoginAsync(Demo.Admin);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/users/{user.Id}", new()
        {
            ["DisplayName"] = "Per Hansen", ["Email"] = Demo.TromsoContact, ["Role"] = Roles.Customer, ["ContactId"] = contactId.ToString(CultureInfo.InvariantCulture),
            ["IsActive"] = "false", ["ConcurrencyStamp"] = user.ConcurrencyStamp,
        })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await per.GetAsync("/my")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(cookie, "/my"));
        Assert.False(await factory.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == user.Id)));
    }

    [Fact]
    public async Task A_session_ends_after_half_an_hour_unused_and_after_twelve_hours_however_busy()
    {
        var (idle, idleCookie) = await SignInAsync(Demo.Sales);
        using var _ = idle;
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/dashboard")).StatusCode); // in time: the idle clock starts again
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, await WithCopiedCookieAsync(idleCookie));

        var (busy, _) = await SignInAsync(Demo.Sales);
        using var b = busy;
        for (var i = 0; i < 35; i++)
        {
            // A request every twenty minutes keeps the session alive, until twelve hours after sign-in.
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/dashboard")).StatusCode);
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/dashboard")).StatusCode); // 11 h 40 min
        factory.Clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(HttpStatusCode.Redirect, (await busy.GetAsync("/dashboard")).StatusCode); // 12 h 1 min
    }
}
