using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class AccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Wrong_password_gives_one_message_for_unknown_user_and_wrong_password()
    {
        using var client = factory.Client();

        var wrong = await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Sales, ["Password"] = "feil-passord-her" }, tokenFrom: "/account/login");
        var unknown = await client.PostFormAsync("/account/login", new() { ["Email"] = "ingen@leverandor.example", ["Password"] = "feil-passord-her" }, tokenFrom: "/account/login");

        var a = (await PortalClient.ParseAsync(wrong)).QuerySelector("[role=alert]")!.TextContent.Trim();
        var b = (await PortalClient.ParseAsync(unknown)).QuerySelector("[role=alert]")!.TextContent.Trim();
        Assert.Contains("Feil e-post eller passord.", a, StringComparison.Ordinal);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password_with_the_same_answer_as_a_wrong_one()
    {
        using var client = factory.Client();
        HttpResponseMessage wrong = null!;
        for (var i = 0; i < 5; i++)
        {
            wrong = await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Lead2, ["Password"] = "feil-passord-her" }, tokenFrom: "/account/login");
        }

        var response = await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.Lead2, ["Password"] = DemoData.DemoPassword }, tokenFrom: "/account/login");

        // Locked, yet the page does not say so: only the owner, by the reset link, may learn the account exists.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((await PortalClient.ParseAsync(wrong)).Body!.TextContent, (await PortalClient.ParseAsync(response)).Body!.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Lead2).Select(u => u.LockoutEnd).SingleAsync()) > factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Admin_invites_a_customer_user_who_sets_a_password_and_sees_only_their_organisation()
    {
        var contact = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Name == "Liv Mæhlum"));
        using var admin = await factory.LoginAsync(Demo.Admin);

        var created = await admin.PostFormAsync("/admin/users/new", new()
        {
            ["DisplayName"] = "Liv Mæhlum", ["Email"] = contact.Email, ["Role"] = Roles.Customer, ["ContactId"] = contact.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["IsActive"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (row, link) = Assert.Single(await factory.AccountMailsAsync(contact.Email!));
        Assert.StartsWith("account:invitation:", row.Key, StringComparison.Ordinal);
        var email = row.ToAddress;
        var user = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(contact.CustomerId, user.CustomerId);
        Assert.Equal(user.Id, (await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id))).UserId);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PortalUser" && a.Action == "Created" && a.UserName == Demo.Admin)));

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        using var liv = factory.Client();
        var tooShort = await liv.PostFormAsync("/account/reset-password", new() { ["Email"] = email, ["Token"] = query["token"], ["Password"] = "kort", ["ConfirmPassword"] = "kort" }, tokenFrom: "/account/login");
        Assert.Contains("minst 12 tegn", (await PortalClient.ParseAsync(tooShort)).Body!.TextContent, StringComparison.Ordinal);
        var set = await liv.PostFormAsync("/account/reset-password", new() { ["Email"] = email, ["Token"] = query["token"], ["Password"] = "lang nok setning for meg", ["ConfirmPassword"] = "lang nok setning for meg" }, tokenFrom: "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        await liv.LoginAsync(email, "lang nok setning for meg");
        var (_, home) = await liv.GetPageAsync("/my");
        Assert.Contains("Nord-Fron kommune", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gudbrandsdalen", home.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_user_without_a_contact_is_refused()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);

        var response = await admin.PostFormAsync("/admin/users/new", new() { ["DisplayName"] = "Uten Kontakt", ["Email"] = "uten@kunde.example", ["Role"] = Roles.Customer, ["IsActive"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("kontaktperson", (await PortalClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "uten@kunde.example")));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var (userId, stamp) = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.TromsoContact).Select(u => new { u.Id, u.ConcurrencyStamp }).SingleAsync()) is var u ? (u.Id, u.ConcurrencyStamp) : default;
        var contactId = await factory.WithDbAsync(db => db.Contacts.Where(c => c.UserId == userId).Select(c => c.Id).SingleAsync());
        using var admin = await factory.LoginAsync(Demo.Admin);

        var saved = await admin.PostFormAsync($"/admin/users/{userId}", new()
        {
            ["DisplayName"] = "Per Hansen", ["Email"] = Demo.TromsoContact, ["Role"] = Roles.Customer, ["ContactId"] = contactId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["IsActive"] = "false", ["ConcurrencyStamp"] = stamp,
        });
        using var per = factory.Client();
        var login = await per.PostFormAsync("/account/login", new() { ["Email"] = Demo.TromsoContact, ["Password"] = DemoData.DemoPassword }, tokenFrom: "/account/login");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PortalUser" && a.Property == "IsActive" && a.NewValue == "False")));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_addresses_and_sends_only_to_known()
    {
        using var client = factory.Client();

        var known = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = Demo.CloudCenter }, tokenFrom: "/account/login");
        var unknown = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = "ukjent@example.com" }, tokenFrom: "/account/login");

        Assert.Equal((await PortalClient.ParseAsync(known)).Body!.TextContent, (await PortalClient.ParseAsync(unknown)).Body!.TextContent);
        Assert.Contains(await factory.AccountMailsAsync(Demo.CloudCenter), m => m.Row.Key.StartsWith("account:reset:", StringComparison.Ordinal));
        Assert.Empty(await factory.AccountMailsAsync("ukjent@example.com"));
    }
}
