using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Tests.Integration.Mail;

/// <summary>Invitation and reset mails go through the outbox (here: the pickup folder), in the user's language, and never to the log.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class AccountMailTests(PickupPortalFactory factory) : IClassFixture<PickupPortalFactory>
{
    [Fact]
    public async Task A_reset_mail_is_enqueued_written_to_the_pickup_folder_works_and_its_token_never_reaches_the_log()
    {
        using var client = factory.Client();
        var response = await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = Demo.Lead2 }, tokenFrom: "/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (row, link) = Assert.Single(await factory.AccountMailsAsync(Demo.Lead2));
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal("Nytt passord i MigrationPortal", row.Subject);
        Assert.StartsWith("https://portal.example/account/reset-password?", link, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(link), row.HtmlBody, StringComparison.Ordinal);
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;
        Assert.EndsWith(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), row.Key, StringComparison.Ordinal);

        await factory.RunOutboxAsync();

        var file = Path.Combine(factory.PickupDirectory, OutboxSender.PickupFileName(row.MessageId));
        var eml = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal(row.MessageId, eml.MessageId);
        Assert.Contains(link, eml.TextBody, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await factory.AccountMailsAsync(Demo.Lead2)).Row.Status);

        var set = await client.PostFormAsync("/account/reset-password", new() { ["Email"] = Demo.Lead2, ["Token"] = token, ["Password"] = "et helt nytt passord her", ["ConfirmPassword"] = "et helt nytt passord her" }, tokenFrom: "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        // The log holds this host's request lines (the request log writes through the host's own logger, so hosts running
        // side by side in the test process each log their own)...
        var log = await factory.LogOnceItContainsAsync("/account/reset-password");
        Assert.Contains("POST /account/reset-password", log, StringComparison.Ordinal);
        Assert.Contains("POST /account/forgot-password", log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal); // ...but holds neither the token
        Assert.DoesNotContain(Uri.EscapeDataString(token), log, StringComparison.Ordinal);
        Assert.DoesNotContain("reset-password?", log, StringComparison.Ordinal); // nor the link
    }

    [Fact]
    public async Task An_admin_invitation_and_reset_are_outbox_rows_in_the_users_language()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);
        var created = await admin.PostFormAsync("/admin/users/new", new()
        {
            ["DisplayName"] = "Ny Prosjektleder", ["Email"] = "ny.leder@leverandor.example", ["Role"] = Roles.ProjectLead, ["IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (invitation, _) = Assert.Single(await factory.AccountMailsAsync("ny.leder@leverandor.example"));
        Assert.Equal("Invitasjon til MigrationPortal", invitation.Subject);
        Assert.StartsWith("account:invitation:", invitation.Key, StringComparison.Ordinal);
        Assert.Contains("Velkommen, Ny Prosjektleder", invitation.TextBody, StringComparison.Ordinal);

        var user = await factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Email == Demo.CloudCenter);
            u.PreferredLanguage = "en";
            await db.SaveChangesAsync();
            return u;
        });
        var reset = await admin.PostFormAsync($"/admin/users/{user.Id}/send-reset", [], tokenFrom: "/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var (row, link) = Assert.Single(await factory.AccountMailsAsync(Demo.CloudCenter));
        Assert.Equal("New password for MigrationPortal", row.Subject);
        Assert.Equal("en", row.Language);
        Assert.Equal(user.Id, row.UserId);
        Assert.Contains("lang=\"en\"", row.HtmlBody, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(link));
        var (_, list) = await admin.GetPageAsync("/admin/users");
        Assert.Contains(Demo.CloudCenter, list.Body!.TextContent, StringComparison.Ordinal); // the flash names the recipient

        var unknown = await admin.PostFormAsync("/admin/users/ingen-slik/send-reset", [], tokenFrom: "/admin/users");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
