using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class MeetingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ProjectAsync(string prefix) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Sales_plans_a_meeting_in_oslo_time_and_the_customer_sees_it()
    {
        var project = await ProjectAsync("Tromsø");
        var (per, ellen, kari) = await factory.WithDbAsync(async db => (
            await db.Contacts.Where(c => c.Name == "Per Hansen").Select(c => c.Id).SingleAsync(),
            await db.Contacts.Where(c => c.Name == "Ellen Aslaksen").Select(c => c.Id).SingleAsync(),
            await db.Contacts.Where(c => c.Name == "Kari Nordmann").Select(c => c.Id).SingleAsync()));
        using var sales = await factory.LoginAsync(Demo.Sales);
        var token = await sales.TokenAsync("/error/404");
        async Task<HttpResponseMessage> PostAsync(params int[] contacts)
        {
            using var content = new FormUrlEncodedContent(
            [
                new("Kind", "FollowUp"), new("Title", "Avklaring av ressurser"), new("Date", "2027-01-12"), new("Start", "10:00"), new("End", "11:30"),
                new("Location", "Rådhuset, Tromsø"), new("OnlineLink", "https://møte.example/abc"), new("Agenda", "1. Ressurser\n2. Oppstart"),
                .. contacts.Select(c => new KeyValuePair<string, string>("ContactIds", $"{c}")), new("CustomerVisible", "true"), new("__RequestVerificationToken", token),
            ]);
            return await sales.Http.PostAsync(new Uri($"/projects/{project}/meetings/new", UriKind.Relative), content);
        }

        // Kari is not at a customer of this project: a form that says she takes part is refused beside the field, nothing saved.
        var withKari = await PostAsync(per, ellen, kari);
        Assert.Equal(HttpStatusCode.OK, withKari.StatusCode);
        Assert.NotNull((await PortalClient.ParseAsync(withKari)).QuerySelector("#ContactIds-error"));
        Assert.False(await factory.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == "Avklaring av ressurser")));

        var response = await PostAsync(per, ellen);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = await factory.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Participants).SingleAsync(m => m.Title == "Avklaring av ressurser"));
        Assert.Equal(new DateTime(2027, 1, 12, 9, 0, 0, DateTimeKind.Utc), meeting.StartUtc);
        Assert.Equal(new DateTime(2027, 1, 12, 10, 30, 0, DateTimeKind.Utc), meeting.EndUtc);
        Assert.Equal(["Ellen Aslaksen", "Per Hansen"], meeting.Participants.Select(p => p.Name).Order(StringComparer.Ordinal));

        using var customer = await factory.LoginAsync(Demo.TromsoContact);
        var (status, page) = await customer.GetPageAsync($"/projects/{project}/meetings/{meeting.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("12. jan. 2027 kl. 10:00", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/projects/{project}/meetings/{meeting.Id}/edit']"));
    }

    [Theory]
    [InlineData("OnlineLink", "javascript:alert(1)", "https://")]
    [InlineData("End", "09:00", "slutte etter")]
    [InlineData("Title", "", "må fylles ut")]
    [InlineData("Date", "", "må fylles ut")]
    [InlineData("Date", "9999-12-31", "tre år fram")]
    [InlineData("Date", "0001-01-01", "to år tilbake")]
    public async Task Bad_meeting_input_is_refused_with_a_message(string field, string value, string message)
    {
        var project = await ProjectAsync("Bærum");
        using var lead = await factory.LoginAsync(Demo.Lead);
        var fields = new Dictionary<string, string?> { ["Kind"] = "Status", ["Title"] = $"Møte {Guid.NewGuid():N}", ["Date"] = "2027-02-01", ["Start"] = "10:00", ["End"] = "11:00" };
        fields[field] = value;

        var response = await lead.PostFormAsync($"/projects/{project}/meetings/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await PortalClient.ParseAsync(response)).QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == fields["Title"])));
    }

    [Fact]
    public async Task Writing_minutes_on_a_meeting_changed_meanwhile_conflicts()
    {
        var meeting = await factory.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Title == "Go-live-sjekk"));
        using var lead = await factory.LoginAsync(Demo.Lead2);
        Dictionary<string, string?> Fields(string minutes) => new()
        {
            ["Kind"] = "Status", ["Title"] = meeting.Title, ["Date"] = "2027-02-01", ["Start"] = "10:00", ["End"] = "11:00",
            ["Minutes"] = minutes, ["Version"] = $"{meeting.Version}", ["CustomerVisible"] = "true",
        };

        var first = await lead.PostFormAsync($"/projects/{meeting.ProjectId}/meetings/{meeting.Id}/edit", Fields("Klarsignal gitt."));
        var second = await lead.PostFormAsync($"/projects/{meeting.ProjectId}/meetings/{meeting.Id}/edit", Fields("Utsatt."));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Klarsignal gitt.", (await factory.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id))).Minutes);
    }
}
