using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

/// <summary>Counts the password checks the app makes.</summary>
public sealed class PasswordChecks
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Add() => Interlocked.Increment(ref count);
}

/// <summary>Identity's hasher, counting every password it checks.</summary>
public sealed class CountingHasher(IPasswordHasher<PortalUser> inner, PasswordChecks checks) : IPasswordHasher<PortalUser>
{
    public string HashPassword(PortalUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        checks.Add();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The portal whose password hasher counts the passwords it checks.</summary>
public sealed class CountingHasherFactory : PortalFactory
{
    public PasswordChecks Checks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<PortalUser>>(sp =>
            new CountingHasher(new PasswordHasher<PortalUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), Checks)));
    }
}

/// <summary>
/// A failed sign-in says the same whatever the account (unknown, wrong password, locked, deactivated) and checks a
/// password every time; the lockout grows with each run of failures but never holds the owner out: it ends by itself
/// and the reset link works meanwhile.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class SignInLockoutTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    private async Task<HttpResponseMessage> SignInAsync(string email, string password = "feil-passord-her")
    {
        using var client = factory.Client();
        return await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password }, tokenFrom: "/account/login");
    }

    private async Task FailAsync(string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email)).StatusCode);
        }
    }

    private Task<DateTimeOffset?> LockoutEndAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());

    private static async Task<(HttpStatusCode Status, string Text)> AnswerAsync(HttpResponseMessage response) =>
        (response.StatusCode, (await PortalClient.ParseAsync(response)).Body!.TextContent);

    [Fact]
    public async Task Unknown_wrong_password_locked_and_deactivated_accounts_get_the_same_answer()
    {
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.TromsoSigner).Select(u => u.Id).SingleAsync());
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        await FailAsync(Demo.Lead, 5);

        var unknown = await AnswerAsync(await SignInAsync("ingen.her@leverandor.example"));
        var wrong = await AnswerAsync(await SignInAsync(Demo.Sales));
        var locked = await AnswerAsync(await SignInAsync(Demo.Lead, DemoData.DemoPassword));
        var deactivated = await AnswerAsync(await SignInAsync(Demo.TromsoSigner, DemoData.DemoPassword));

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("Feil e-post eller passord.", unknown.Text, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        Assert.Equal(unknown, deactivated);
        Assert.NotNull(await LockoutEndAsync(Demo.Lead));
    }

    [Fact]
    public async Task A_password_is_checked_for_an_unknown_or_locked_account_as_for_a_known_one()
    {
        await FailAsync(Demo.CloudCenter, 5);

        var before = factory.Checks.Count;
        await SignInAsync("ukjent.person@leverandor.example");
        var afterUnknown = factory.Checks.Count;
        await SignInAsync(Demo.CloudCenter, DemoData.DemoPassword);
        var afterLocked = factory.Checks.Count;
        await SignInAsync(Demo.Sales);
        var afterKnown = factory.Checks.Count;

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterLocked - afterUnknown);
        Assert.Equal(1, afterKnown - afterLocked);
    }

    [Fact]
    public async Task Each_run_of_five_failures_locks_longer_and_the_lockout_ends_by_itself()
    {
        await FailAsync(Demo.Lead2, 5);
        var first = await LockoutEndAsync(Demo.Lead2) - factory.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Demo.Lead2, DemoData.DemoPassword)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await FailAsync(Demo.Lead2, 4);
        Assert.True(await LockoutEndAsync(Demo.Lead2) < factory.Clock.GetUtcNow(), "four failures after a lockout do not lock again");
        await FailAsync(Demo.Lead2, 1);
        var second = await LockoutEndAsync(Demo.Lead2) - factory.Clock.GetUtcNow();

        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var signedIn = await SignInAsync(Demo.Lead2, DemoData.DemoPassword);

        Assert.Equal(TimeSpan.FromMinutes(5), first);
        // The audit trail says the lockouts came from an anonymous sign-in attempt and from where, not from "system".
        var jonas = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Lead2).Select(u => u.Id).SingleAsync());
        var lockouts = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == jonas && a.Property == "LockoutEnd" && a.NewValue != null).ToListAsync());
        Assert.Equal(2, lockouts.Count);
        Assert.All(lockouts, a => Assert.Equal("anonymous (127.0.0.1)", a.UserName));
        Assert.Equal(TimeSpan.FromMinutes(10), second);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Lead2).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task The_owner_of_a_locked_account_gets_in_at_once_through_the_reset_link()
    {
        await FailAsync(Demo.Admin, 5);
        Assert.True(await LockoutEndAsync(Demo.Admin) > factory.Clock.GetUtcNow());

        using var owner = factory.Client();
        await owner.PostFormAsync("/account/forgot-password", new() { ["Email"] = Demo.Admin }, tokenFrom: "/account/login");
        var (_, link) = (await factory.AccountMailsAsync(Demo.Admin)).Last();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var reset = await owner.PostFormAsync("/account/reset-password", new()
        {
            ["Email"] = Demo.Admin, ["Token"] = query["token"], ["Password"] = "fjellvann og tyttebær i august", ["ConfirmPassword"] = "fjellvann og tyttebær i august",
        }, tokenFrom: "/account/login");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Null(await LockoutEndAsync(Demo.Admin));
        await owner.LoginAsync(Demo.Admin, "fjellvann og tyttebær i august");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/admin/users")).StatusCode);
    }
}
