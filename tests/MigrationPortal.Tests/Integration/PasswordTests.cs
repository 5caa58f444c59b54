using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Integration;

/// <summary>ASVS 6.2: what a new password may be, on every path that sets one, and the signed-in password change.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class PasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Asks for a reset link for <paramref name="email"/> and posts <paramref name="password"/> with it.</summary>
    private async Task<HttpResponseMessage> ResetAsync(PortalClient client, string email, string password)
    {
        await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = email }, tokenFrom: "/account/login");
        var (_, link) = (await factory.AccountMailsAsync(email)).Last();
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"];
        return await client.PostFormAsync("/account/reset-password", new() { ["Email"] = email, ["Token"] = token, ["Password"] = password, ["ConfirmPassword"] = password }, tokenFrom: "/account/login");
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await PortalClient.ParseAsync(response)).QuerySelector("#error-summary")?.TextContent ?? string.Empty;

    [Theory]
    [InlineData(Demo.Sales, "111111111111", "Passordet er for vanlig")]
    [InlineData(Demo.Sales, "Passord12345", "Passordet er for vanlig")]
    [InlineData(Demo.Sales, "QWERTYUIOP123", "Passordet er for vanlig")]
    [InlineData(Demo.Sales, "Sommerferie2024!", "Passordet er for vanlig")]
    [InlineData(Demo.Lead, "Marte Solberg 2026 er her", "kan ikke inneholde navnet ditt eller e-postadressen din")]
    [InlineData(Demo.Lead, "solberg-sitt-passord", "kan ikke inneholde navnet ditt eller e-postadressen din")]
    [InlineData(Demo.Lead, "mitt prosjektleder passord", "kan ikke inneholde navnet ditt eller e-postadressen din")]
    public async Task A_common_password_whatever_its_capitals_or_one_with_the_users_name_or_email_is_refused(string email, string password, string message)
    {
        using var client = factory.Client();

        var response = await ResetAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rules_speak_english_to_an_english_reader()
    {
        using var client = factory.Client();
        await client.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" }, tokenFrom: "/account/login");

        var response = await ResetAsync(client, Demo.Sales, "123456789012");

        Assert.Contains("This password is too common", await ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_changes_the_password_from_the_account_menu_and_other_sessions_end()
    {
        using var here = await factory.LoginAsync(Demo.CloudCenter);
        using var elsewhere = await factory.LoginAsync(Demo.CloudCenter);

        var (_, home) = await here.GetPageAsync("/cloud-centre");
        var link = home.QuerySelector("header a[href='/account/password']");
        var (status, form) = await here.GetPageAsync("/account/password");
        var wrongCurrent = await here.PostFormAsync("/account/password", new() { ["CurrentPassword"] = "ikke mitt passord", ["NewPassword"] = "en ny og lang setning", ["ConfirmPassword"] = "en ny og lang setning" });
        var common = await here.PostFormAsync("/account/password", new() { ["CurrentPassword"] = DemoData.DemoPassword, ["NewPassword"] = "111111111111", ["ConfirmPassword"] = "111111111111" });
        var changed = await here.PostFormAsync("/account/password", new() { ["CurrentPassword"] = DemoData.DemoPassword, ["NewPassword"] = "en ny og lang setning", ["ConfirmPassword"] = "en ny og lang setning" });

        Assert.NotNull(link);
        Assert.Equal("Bytt passord", link.TextContent);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(form.QuerySelector("input[name=CurrentPassword][type=password][autocomplete=current-password]"));
        Assert.Contains("Feil passord.", (await PortalClient.ParseAsync(wrongCurrent)).QuerySelector("#CurrentPassword-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Passordet er for vanlig", (await PortalClient.ParseAsync(common)).QuerySelector("#NewPassword-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // The other session is over at once (sessions are held on the server and end with the security stamp); this one goes on.
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/cloud-centre")).StatusCode);
        var other = await elsewhere.GetAsync("/cloud-centre");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal("/account/login", other.Headers.Location!.AbsolutePath);

        using var again = factory.Client();
        await again.LoginAsync(Demo.CloudCenter, "en ny og lang setning");
    }

    [Fact]
    public async Task A_new_password_is_hashed_with_the_configured_pbkdf2_iterations()
    {
        using var client = await factory.LoginAsync(Demo.TromsoContact);

        var changed = await client.PostFormAsync("/account/password", new() { ["CurrentPassword"] = DemoData.DemoPassword, ["NewPassword"] = "nordlys over Tromsdalstinden", ["ConfirmPassword"] = "nordlys over Tromsdalstinden" });
        var hash = Convert.FromBase64String(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.TromsoContact).Select(u => u.PasswordHash!).SingleAsync()));

        // Identity's V3 format: 0x01, the PRF (2 = HMAC-SHA512), the iteration count, the salt's length, big-endian.
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.Equal(factory.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount, (int)BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
    }

    [Fact]
    public async Task The_demo_password_passes_the_rules_for_every_demo_user()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MigrationPortal.Web.Domain.PortalUser>>();

        foreach (var user in await users.Users.ToListAsync())
        {
            foreach (var validator in users.PasswordValidators)
            {
                Assert.True((await validator.ValidateAsync(users, user, DemoData.DemoPassword)).Succeeded, user.Email);
            }
        }
    }
}
