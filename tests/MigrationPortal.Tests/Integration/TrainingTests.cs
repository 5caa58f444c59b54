using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

/// <summary>The training plan (issue 7, item 7): sessions in Oslo time, videos with secure links, what the customer sees.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class TrainingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ProjectAsync(string prefix) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());

    private static Dictionary<string, string?> Session(string title, string format = "AtCustomer", string? date = "2027-01-12", string? time = "09:00", bool visible = true, string? video = null) => new()
    {
        ["Title"] = title, ["Format"] = format, ["Audience"] = "Superbrukere", ["Date"] = date, ["Time"] = time, ["DurationMinutes"] = "180",
        ["Location"] = "Vinstra", ["Participants"] = "Arkivet", ["Materials"] = "Brukerveiledning", ["VideoUrl"] = video,
        ["CustomerVisible"] = visible ? "true" : "false",
    };

    private Task<TrainingSession?> FindAsync(string title) =>
        factory.WithDbAsync(db => db.TrainingSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Title == title));

    [Fact]
    public async Task Staff_plan_sessions_in_oslo_time_and_the_customer_sees_only_the_visible_ones_upcoming_first()
    {
        var project = await ProjectAsync("Gudbrandsdalen");
        using var lead = await factory.LoginAsync(Demo.Lead);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/training/new", Session("Superbrukeropplæring", date: "2027-01-12"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/training/new", Session("Kurs for saksbehandlere", format: "Online", date: "2026-12-01", time: "13:00"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/training/new", Session("Forrige kurs", date: "2026-10-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/training/new", Session("Intern forberedelse", format: "AtVendor", visible: false))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/training/new", Session("Nyheter i WebSak+", format: "Video", date: null, time: null, video: "https://video.example/websak-pluss"))).StatusCode);

        var superusers = (await FindAsync("Superbrukeropplæring"))!;
        Assert.Equal(new DateTime(2027, 1, 12, 8, 0, 0, DateTimeKind.Utc), superusers.StartUtc);
        Assert.Equal(180, superusers.DurationMinutes);
        Assert.Null((await FindAsync("Nyheter i WebSak+"))!.StartUtc);
        var hidden = (await FindAsync("Intern forberedelse"))!;
        Assert.False(hidden.CustomerVisible);

        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var (status, page) = await kari.GetPageAsync($"/projects/{project}/training");
        Assert.Equal(HttpStatusCode.OK, status);
        var upcoming = page.QuerySelectorAll("#upcoming tbody tr strong").Select(e => e.TextContent).ToList();
        Assert.Equal(["Kurs for saksbehandlere", "Superbrukeropplæring"], upcoming);
        Assert.Contains("12. jan. 2027 kl. 09:00", page.QuerySelector($"#session-{superusers.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hos kunden", page.QuerySelector($"#session-{superusers.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Forrige kurs", page.QuerySelector("#past")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Intern forberedelse", page.Body!.TextContent, StringComparison.Ordinal);
        var video = page.QuerySelector("#videos a[href='https://video.example/websak-pluss']")!;
        Assert.Contains("Nyheter i WebSak+", video.TextContent, StringComparison.Ordinal);
        Assert.Contains("ekstern side", video.QuerySelector(".visually-hidden")!.TextContent, StringComparison.Ordinal);
        Assert.Null(video.GetAttribute("target"));
        Assert.Null(page.QuerySelector($"a[href='/projects/{project}/training/new']"));

        // The hidden session does not exist for the customer; a visible one is theirs to see but not to change.
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/projects/{project}/training/{hidden.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"/projects/{project}/training/{hidden.Id}/delete", new() { ["version"] = $"{hidden.Version}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.GetAsync($"/projects/{project}/training/{superusers.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostFormAsync($"/projects/{project}/training/new", Session("Fra kunden"))).StatusCode);
        Assert.Null(await FindAsync("Fra kunden"));

        // Staff see the internal one, marked as such.
        (_, page) = await lead.GetPageAsync($"/projects/{project}/training");
        Assert.Contains("Bare internt", page.QuerySelector($"#session-{hidden.Id}")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://video.example/a", "https://")]
    [InlineData("javascript:alert(1)", "https://")]
    [InlineData("ftp://video.example/a", "https://")]
    [InlineData("ikke en lenke", "https://")]
    [InlineData("https://", "https://")]
    public async Task A_video_link_that_is_not_https_is_refused_with_a_message(string url, string message)
    {
        var project = await ProjectAsync("Bærum");
        using var lead = await factory.LoginAsync(Demo.Lead2);
        var title = $"Video {Guid.NewGuid():N}";

        var response = await lead.PostFormAsync($"/projects/{project}/training/new", Session(title, format: "Video", date: null, time: null, video: url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await PortalClient.ParseAsync(response)).QuerySelector("#VideoUrl-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await FindAsync(title));
    }

    [Theory]
    [InlineData("0001-01-01", "00:00", "Date", "må være mellom")]
    [InlineData("9999-12-31", "23:00", "Date", "må være mellom")]
    [InlineData("1999-06-01", "10:00", "Date", "to år tilbake")]
    [InlineData("2027-03-28", "02:30", "Time", "finnes ikke")]
    [InlineData("", "10:00", "Date", "må fylles ut")]
    public async Task A_session_date_out_of_range_is_refused_with_a_message(string date, string time, string field, string message)
    {
        var project = await ProjectAsync("Bærum");
        using var lead = await factory.LoginAsync(Demo.Lead2);
        var title = $"Kurs {Guid.NewGuid():N}";

        var response = await lead.PostFormAsync($"/projects/{project}/training/new", Session(title, date: date, time: time));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await PortalClient.ParseAsync(response)).QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await FindAsync(title));
    }

    [Fact]
    public async Task Editing_a_session_changed_meanwhile_conflicts_and_deleting_a_stale_one_is_refused()
    {
        var project = await ProjectAsync("Vestland");
        using var lead = await factory.LoginAsync(Demo.Lead2);
        await lead.PostFormAsync($"/projects/{project}/training/new", Session("Arkivkurs"));
        var session = (await FindAsync("Arkivkurs"))!;
        var url = $"/projects/{project}/training/{session.Id}/edit";
        var (formStatus, form) = await lead.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, formStatus);
        Assert.Equal("2027-01-12", form.QuerySelector("input[name=Date]")!.GetAttribute("value"));
        Assert.Equal("09:00", form.QuerySelector("input[name=Time]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/projects/{project}/training/new")).StatusCode);
        Dictionary<string, string?> Edit(string location) => new(Session("Arkivkurs")) { ["Location"] = location, ["Version"] = $"{session.Version}" };

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(url, Edit("Bergen"))).StatusCode);
        var late = await lead.PostFormAsync(url, Edit("Førde"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Bergen", (await PortalClient.ParseAsync(late)).QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bergen", (await FindAsync("Arkivkurs"))!.Location);

        var stale = await lead.PostFormAsync($"/projects/{project}/training/{session.Id}/delete", new() { ["version"] = $"{session.Version}" });
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.NotNull(await FindAsync("Arkivkurs"));
        var current = (await FindAsync("Arkivkurs"))!;
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/training/{session.Id}/delete", new() { ["version"] = $"{current.Version}" })).StatusCode);
        Assert.Null(await FindAsync("Arkivkurs"));
    }

    [Fact]
    public async Task Another_customers_contact_gets_404_on_every_page_and_post()
    {
        var project = await ProjectAsync("Vefsn");
        using var lead = await factory.LoginAsync(Demo.Lead);
        await lead.PostFormAsync($"/projects/{project}/training/new", Session("Vefsn-kurs"));
        var session = (await FindAsync("Vefsn-kurs"))!;
        using var per = await factory.LoginAsync(Demo.TromsoContact);

        foreach (var url in new[] { "training", "training/new", $"training/{session.Id}/edit" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{project}/{url}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await per.PostFormAsync($"/projects/{project}/training/new", Session("Fra Tromsø"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.PostFormAsync($"/projects/{project}/training/{session.Id}/edit", new(Session("Fra Tromsø")) { ["Version"] = $"{session.Version}" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.PostFormAsync($"/projects/{project}/training/{session.Id}/delete", new() { ["version"] = $"{session.Version}" })).StatusCode);
        Assert.Null(await FindAsync("Fra Tromsø"));
        Assert.NotNull(await FindAsync("Vefsn-kurs"));

        // A session of another project is not found through this project's URL.
        var gudbrandsdalen = await ProjectAsync("Gudbrandsdalen");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/projects/{gudbrandsdalen}/training/{session.Id}/edit")).StatusCode);
    }
}
