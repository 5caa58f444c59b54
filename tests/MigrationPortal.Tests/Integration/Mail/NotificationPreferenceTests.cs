using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration.Mail;

/// <summary>/account/notifications: each person turns kinds off for themselves; a kind off means no outbox row; account mail always goes.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class NotificationPreferenceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_customer_turns_step_comments_off_and_gets_no_such_mail_but_still_others()
    {
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var (status, page) = await kari.GetPageAsync("/account/notifications");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#On-StepComment")!).IsChecked);
        Assert.Null(page.QuerySelector("#On-Account"));

        var all = Enum.GetValues<NotificationKind>().Where(k => k is not NotificationKind.Account and not NotificationKind.StepComment).Select(k => k.ToString()).ToList();
        var form = new FormUrlEncodedContent(all.Select(k => new KeyValuePair<string, string>("On", k))
            .Append(new("__RequestVerificationToken", await kari.TokenAsync("/account/notifications"))));
        var saved = await kari.Http.PostAsync(new Uri("/account/notifications", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, after) = await kari.GetPageAsync("/account/notifications");
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)after.QuerySelector("#On-StepComment")!).IsChecked);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)after.QuerySelector("#On-Meeting")!).IsChecked);

        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.SorFronContact).Select(u => u.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.NotificationPreferences.AnyAsync(p => p.UserId == userId && p.Kind == NotificationKind.StepComment && !p.Enabled)));
        await factory.EnqueueAsync(
            new("pref-comment", NotificationKind.StepComment, Demo.SorFronContact, "Kari", "nb-NO", "S", "T", UserId: userId),
            new("pref-meeting", NotificationKind.Meeting, Demo.SorFronContact, "Kari", "nb-NO", "S", "T", UserId: userId),
            new("pref-account", NotificationKind.Account, Demo.SorFronContact, "Kari", "nb-NO", "S", "T", UserId: userId));
        var keys = (await factory.OutboxAsync()).Select(m => m.Key).ToList();
        Assert.DoesNotContain("pref-comment", keys);
        Assert.Contains("pref-meeting", keys);
        Assert.Contains("pref-account", keys);

        // Another person's choices are their own.
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        var (_, hers) = await per.GetPageAsync("/account/notifications");
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)hers.QuerySelector("#On-StepComment")!).IsChecked);
    }

    [Fact]
    public async Task Bad_input_is_a_message_and_anonymous_is_sent_to_login()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);
        var bad = await lead.PostFormAsync("/account/notifications", new() { ["On"] = "Account" }, tokenFrom: "/account/notifications");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("ikke gyldig", (await PortalClient.ParseAsync(bad)).Body!.TextContent, StringComparison.Ordinal);
        var garbage = await lead.PostFormAsync("/account/notifications", new() { ["On"] = "tull" }, tokenFrom: "/account/notifications");
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.NotificationPreferences.AnyAsync(p => p.Kind == NotificationKind.Account)));

        using var anonymous = factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/account/notifications")).StatusCode);
    }
}
