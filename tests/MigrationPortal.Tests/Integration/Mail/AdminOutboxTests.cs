using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Tests.Integration.Mail;

/// <summary>/admin/outbox: the list, the status filter, resending, the pickup folder; no account mail's content; admins only.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class AdminOutboxTests(PickupPortalFactory factory) : IClassFixture<PickupPortalFactory>
{
    private static Web.Infrastructure.Mail.Mail Notice(string key) =>
        new(key, NotificationKind.Meeting, "kari@example.com", "Kari", "nb-NO", $"Møte {key}", $"Tekst for {key}", $"<p>Hemmelig innhold {key}</p>");

    [Fact]
    public async Task The_admin_sees_sent_and_waiting_mail_without_any_account_mails_content_and_can_download_other_pickup_files()
    {
        await factory.EnqueueAsync(Notice("list-1"));
        using var anonymous = factory.Client();
        await anonymous.PostFormAsync("/account/forgot-password", new() { ["Email"] = Demo.Sales }, tokenFrom: "/account/login");
        var (account, link) = Assert.Single(await factory.AccountMailsAsync(Demo.Sales));
        await factory.RunOutboxAsync();
        await factory.EnqueueAsync(Notice("list-2"));

        using var admin = await factory.LoginAsync(Demo.Admin);
        var (status, page) = await admin.GetPageAsync("/admin/outbox");

        Assert.Equal(HttpStatusCode.OK, status);
        var html = page.DocumentElement.OuterHtml;
        var rows = page.QuerySelectorAll("#outbox tbody tr").ToList();
        Assert.Equal("Møte list-2", rows[0].Children[2].TextContent); // newest first
        Assert.Contains(rows, r => r.TextContent.Contains("Møte list-1", StringComparison.Ordinal) && r.QuerySelector(".status")!.TextContent == "Sendt");
        Assert.Contains(rows, r => r.TextContent.Contains(account.Subject, StringComparison.Ordinal) && r.TextContent.Contains(Demo.Sales, StringComparison.Ordinal));
        Assert.DoesNotContain("reset-password", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new Uri(link).Query, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemmelig innhold", html, StringComparison.Ordinal);

        var accountFile = OutboxSender.PickupFileName(account.MessageId);
        var noticeRow = (await factory.OutboxAsync()).Single(m => m.Key == "list-1");
        var noticeFile = OutboxSender.PickupFileName(noticeRow.MessageId);
        var pickup = page.QuerySelector("#pickup")!;
        Assert.Contains(accountFile, pickup.TextContent, StringComparison.Ordinal);
        var links = pickup.QuerySelectorAll("a").Select(a => a.TextContent).ToList();
        Assert.DoesNotContain(accountFile, links);
        Assert.Contains(noticeFile, links);

        var download = await admin.GetAsync($"/admin/outbox/pickup/{Uri.EscapeDataString(noticeFile)}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("Tekst for list-1", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/outbox/pickup/{Uri.EscapeDataString(accountFile)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/outbox/pickup/..%2F..%2Fappsettings.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/outbox/pickup/ukjent.eml")).StatusCode);
    }

    [Fact]
    public async Task A_dead_mail_is_resent_once_from_the_filtered_list_and_a_waiting_one_cannot_be()
    {
        await factory.EnqueueAsync(Notice("dead-1"));
        var dead = await factory.WithDbAsync(async db =>
        {
            var m = await db.Outbox.SingleAsync(x => x.Key == "dead-1");
            (m.Status, m.Attempts, m.LastError, m.NextAttemptUtc) = (OutboxStatus.Dead, 8, "SocketException: Connection refused", factory.UtcNow.AddHours(4));
            await db.SaveChangesAsync();
            return m;
        });
        using var admin = await factory.LoginAsync(Demo.Admin);

        var (_, deadList) = await admin.GetPageAsync("/admin/outbox?status=Dead");
        var row = Assert.Single(deadList.QuerySelectorAll("#outbox tbody tr"));
        Assert.Contains("Connection refused", row.TextContent, StringComparison.Ordinal);

        var resent = await admin.PostFormAsync($"/admin/outbox/{dead.Id}/resend?status=Dead", [], tokenFrom: "/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var after = (await factory.OutboxAsync()).Single(m => m.Id == dead.Id);
        Assert.Equal((OutboxStatus.Pending, 0, factory.UtcNow, null), (after.Status, after.Attempts, after.NextAttemptUtc, after.LastError));
        Assert.Equal(dead.MessageId, after.MessageId);
        await factory.RunOutboxAsync();
        Assert.Equal(OutboxStatus.Sent, (await factory.OutboxAsync()).Single(m => m.Id == dead.Id).Status);

        await factory.EnqueueAsync(Notice("wait-1"));
        var waiting = (await factory.OutboxAsync()).Single(m => m.Key == "wait-1");
        var again = await admin.PostFormAsync($"/admin/outbox/{waiting.Id}/resend", [], tokenFrom: "/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (_, list) = await admin.GetPageAsync("/admin/outbox");
        Assert.Contains("venter allerede", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/outbox/999999/resend", [], tokenFrom: "/admin/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostFormAsync($"/admin/outbox/{dead.Id}/resend", [], withToken: false)).StatusCode);
    }

    [Theory]
    [InlineData(Demo.Lead)]
    [InlineData(Demo.CloudCenter)]
    [InlineData(Demo.SorFronContact)]
    public async Task Nobody_but_an_admin_sees_or_resends(string email)
    {
        await factory.EnqueueAsync(Notice("forbidden-1"));
        var id = (await factory.OutboxAsync()).Single(m => m.Key == "forbidden-1").Id;
        using var client = await factory.LoginAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync($"/admin/outbox/{id}/resend", [], tokenFrom: "/my")).StatusCode);
    }
}
