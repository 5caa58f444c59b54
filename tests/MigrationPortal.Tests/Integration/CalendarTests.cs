using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using IcalCalendar = Ical.Net.Calendar;

namespace MigrationPortal.Tests.Integration;

/// <summary>Meeting invitations with .ics (request, update, cancel), "add to calendar" and the private calendar feed.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed partial class CalendarTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Oslo = "Europe/Oslo";

    private Task<int> ProjectAsync(string prefix) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());

    private Task<int> ContactAsync(string name) => factory.WithDbAsync(db => db.Contacts.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    private Task<string> UserAsync(string email) => factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Meeting> MeetingAsync(string title) => factory.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Participants).SingleAsync(m => m.Title == title));

    private Task<List<OutboxMessage>> OutboxAsync(int meetingId) =>
        factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"meeting:{meetingId}:")).OrderBy(m => m.Id).ToListAsync());

    private static List<KeyValuePair<string, string>> Fields(string title, string date, string start, string end, bool visible = true, string? place = "Rådhuset",
        string? link = "https://møte.example/abc", int? version = null, string? minutes = null, int[]? contacts = null, string[]? users = null)
    {
        List<KeyValuePair<string, string>> f =
        [
            new("Kind", "Status"), new("Title", title), new("Date", date), new("Start", start), new("End", end),
            new("Agenda", "1. Status\n2. Videre"), new("CustomerVisible", visible ? "true" : "false"),
        ];
        f.AddRange(new (string, string?)[] { ("Location", place), ("OnlineLink", link), ("Minutes", minutes), ("Version", version?.ToString(CultureInfo.InvariantCulture)) }
            .Where(x => x.Item2 is not null).Select(x => new KeyValuePair<string, string>(x.Item1, x.Item2!)));
        f.AddRange((contacts ?? []).Select(c => new KeyValuePair<string, string>("ContactIds", c.ToString(CultureInfo.InvariantCulture))));
        f.AddRange((users ?? []).Select(u => new KeyValuePair<string, string>("UserIds", u)));
        return f;
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", await client.TokenAsync("/error/404"))]);
        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Plans a meeting through the form and returns it as saved.</summary>
    private async Task<Meeting> PlanAsync(PortalClient client, int project, List<KeyValuePair<string, string>> fields)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, $"/projects/{project}/meetings/new", fields)).StatusCode);
        return await MeetingAsync(fields.Single(f => f.Key == "Title").Value);
    }

    private static CalendarEvent SingleEvent(string? ics, string method)
    {
        var calendar = IcalCalendar.Load(ics ?? throw new InvalidOperationException("No .ics"))!;
        Assert.Equal(method, calendar.Method);

        // The file's own VTIMEZONE has Oslo's winter and summer rules (a reader without a time zone database needs them), in plain ASCII.
        var zone = Assert.Single(calendar.TimeZones, z => z.TzId == Oslo);
        Assert.Equal(["DAYLIGHT", "STANDARD"], zone.TimeZoneInfos.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", ics, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETTO:+0200", ics, StringComparison.Ordinal);
        return Assert.Single(calendar.Events);
    }

    /// <summary>Gudbrandsdalen (led by Marte): Kari (login), Øystein (no login) at Sør-Fron; Marte and Siri from us.</summary>
    private async Task<(int Project, int[] Contacts, string[] Users)> GudbrandsdalenAsync() => (
        await ProjectAsync("Gudbrandsdalen"),
        [await ContactAsync("Kari Nordmann"), await ContactAsync("Øystein Brå")],
        [await UserAsync(Demo.Lead), await UserAsync(Demo.CloudCenter)]);

    [Fact]
    public async Task A_new_meeting_invites_every_participant_once_in_their_language_with_a_request_in_oslo_time()
    {
        var (project, contacts, users) = await GudbrandsdalenAsync();
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.CloudCenter).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "en")));
        using var lead = await factory.LoginAsync(Demo.Lead);

        var meeting = await PlanAsync(lead, project, Fields("Vintermøte", "2027-01-12", "10:00", "11:30", contacts: contacts, users: users));
        var mails = await OutboxAsync(meeting.Id);
        Assert.Equal(
            new[] { Demo.SorFronContact, "oystein.bra@sor-fron.kommune.example", Demo.Lead, Demo.CloudCenter }.Order(StringComparer.Ordinal),
            mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mails, m =>
        {
            Assert.Equal(NotificationKind.Meeting, m.Kind);
            Assert.Equal("REQUEST", m.IcsMethod);
            Assert.Equal(project, m.ProjectId);
            Assert.Equal($"meeting:{meeting.Id}:0:REQUEST:{m.ToAddress}", m.Key);
            Assert.Contains($"https://portal.example/projects/{project}/meetings/{meeting.Id}", m.TextBody, StringComparison.Ordinal);
        });

        // Bokmål for Kari, English for Siri, who asked for it.
        var kari = mails.Single(m => m.ToAddress == Demo.SorFronContact);
        Assert.Equal("Invitasjon: Vintermøte", kari.Subject);
        Assert.Contains("Når: 12. jan. 2027 kl. 10:00–11:30 (norsk tid)", kari.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hvor: Rådhuset", kari.TextBody, StringComparison.Ordinal);
        Assert.Equal(await UserAsync(Demo.SorFronContact), kari.UserId);
        var siri = mails.Single(m => m.ToAddress == Demo.CloudCenter);
        Assert.Equal("Invitation: Vintermøte", siri.Subject);
        Assert.Contains("When: 12 Jan 2027 10:00–11:30 (Norwegian time)", siri.TextBody, StringComparison.Ordinal);

        var e = SingleEvent(kari.Ics, "REQUEST");
        Assert.Equal($"meeting-{meeting.Id}@migrationportal", e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal(Oslo, e.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 1, 12, 10, 0, 0), e.DtStart.Value);
        Assert.Equal(new DateTime(2027, 1, 12, 9, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
        Assert.Equal(new DateTime(2027, 1, 12, 10, 30, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.Equal("Vintermøte", e.Summary);
        Assert.Equal("Rådhuset", e.Location);
        Assert.Equal(new Uri("https://møte.example/abc"), e.Url);
        Assert.Contains("1. Status", e.Description, StringComparison.Ordinal);
        Assert.Contains("https://møte.example/abc", e.Description, StringComparison.Ordinal);
        Assert.Equal("mailto:" + Demo.Lead, e.Organizer!.Value!.ToString());
        Assert.Equal(4, e.Attendees.Count);
        Assert.Contains(e.Attendees, a => a.Value!.ToString() == "mailto:oystein.bra@sor-fron.kommune.example" && a.CommonName == "Øystein Brå");
    }

    [Fact]
    public async Task Saving_again_sends_nothing_twice_and_a_new_time_sends_an_update_with_the_same_uid_and_a_higher_sequence()
    {
        var (project, contacts, users) = await GudbrandsdalenAsync();
        using var lead = await factory.LoginAsync(Demo.Lead);
        var meeting = await PlanAsync(lead, project, Fields("Flyttes til sommeren", "2027-01-20", "09:00", "10:00", contacts: contacts, users: users));
        var edit = $"/projects/{project}/meetings/{meeting.Id}/edit";
        Assert.Equal(4, (await OutboxAsync(meeting.Id)).Count);

        // The same form again, then only minutes: nothing invitees must hear of.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, edit, Fields("Flyttes til sommeren", "2027-01-20", "09:00", "10:00", version: meeting.Version, contacts: contacts, users: users))).StatusCode);
        meeting = await MeetingAsync("Flyttes til sommeren");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, edit, Fields("Flyttes til sommeren", "2027-01-20", "09:00", "10:00", version: meeting.Version, minutes: "Notat", contacts: contacts, users: users))).StatusCode);
        meeting = await MeetingAsync("Flyttes til sommeren");
        Assert.Equal(0, meeting.Sequence);
        Assert.Equal(4, (await OutboxAsync(meeting.Id)).Count);

        // Moved to summer time: an update to the same four.
        var moved = await PostAsync(lead, edit, Fields("Flyttes til sommeren", "2027-06-15", "10:00", "11:00", version: meeting.Version, minutes: "Notat", contacts: contacts, users: users));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        meeting = await MeetingAsync("Flyttes til sommeren");
        Assert.Equal(1, meeting.Sequence);
        var updates = (await OutboxAsync(meeting.Id)).Where(m => m.Key.StartsWith($"meeting:{meeting.Id}:1:REQUEST:", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, updates.Count);
        Assert.Equal(4, updates.Select(m => m.ToAddress).Distinct(StringComparer.Ordinal).Count());
        var kari = updates.Single(m => m.ToAddress == Demo.SorFronContact);
        Assert.Equal("Endret møte: Flyttes til sommeren", kari.Subject);
        var e = SingleEvent(kari.Ics, "REQUEST");
        Assert.Equal($"meeting-{meeting.Id}@migrationportal", e.Uid);
        Assert.Equal(1, e.Sequence);
        Assert.Equal(Oslo, e.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 6, 15, 10, 0, 0), e.DtStart.Value);
        Assert.Equal(new DateTime(2027, 6, 15, 8, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);

        // A new participant is a change too: everyone hears of it, the newcomer included.
        var liv = await ContactAsync("Liv Mæhlum");
        await PostAsync(lead, edit, Fields("Flyttes til sommeren", "2027-06-15", "10:00", "11:00", version: meeting.Version, minutes: "Notat", contacts: [.. contacts, liv], users: users));
        Assert.Equal(5, (await OutboxAsync(meeting.Id)).Count(m => m.Key.StartsWith($"meeting:{meeting.Id}:2:REQUEST:", StringComparison.Ordinal)));

        // Taken off the list: Øystein's copy is cancelled, for him alone; the others get the update.
        meeting = await MeetingAsync("Flyttes til sommeren");
        await PostAsync(lead, edit, Fields("Flyttes til sommeren", "2027-06-15", "10:00", "11:00", version: meeting.Version, minutes: "Notat", contacts: [contacts[0], liv], users: users));
        var third = (await OutboxAsync(meeting.Id)).Where(m => m.Key.StartsWith($"meeting:{meeting.Id}:3:", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, third.Count(m => m.IcsMethod == "REQUEST"));
        var removed = Assert.Single(third, m => m.IcsMethod == "CANCEL");
        Assert.Equal("oystein.bra@sor-fron.kommune.example", removed.ToAddress);
        Assert.Equal("Ikke lenger invitert: Flyttes til sommeren", removed.Subject);
        var cancelled = SingleEvent(removed.Ics, "CANCEL");
        Assert.Equal($"meeting-{meeting.Id}@migrationportal", cancelled.Uid);
        Assert.Equal(3, cancelled.Sequence);
        Assert.Equal("mailto:oystein.bra@sor-fron.kommune.example", Assert.Single(cancelled.Attendees).Value!.ToString());

        // Saved once more without a change: no one hears anything, Øystein not again either.
        meeting = await MeetingAsync("Flyttes til sommeren");
        var count = (await OutboxAsync(meeting.Id)).Count;
        await PostAsync(lead, edit, Fields("Flyttes til sommeren", "2027-06-15", "10:00", "11:00", version: meeting.Version, minutes: "Notat 2", contacts: [contacts[0], liv], users: users));
        Assert.Equal(count, (await OutboxAsync(meeting.Id)).Count);
    }

    [Fact]
    public async Task Cancelling_sends_a_cancel_once_and_the_meeting_shows_as_cancelled_and_can_no_longer_change()
    {
        var (project, contacts, users) = await GudbrandsdalenAsync();
        using var lead = await factory.LoginAsync(Demo.Lead);
        var meeting = await PlanAsync(lead, project, Fields("Avlyses", "2027-02-03", "13:00", "14:00", contacts: contacts, users: users));

        // A customer may see the meeting but not cancel it; another customer does not see it at all.
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        var cancel = $"/projects/{project}/meetings/{meeting.Id}/cancel";
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostFormAsync(cancel, new() { ["version"] = $"{meeting.Version}" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.PostFormAsync(cancel, new() { ["version"] = $"{meeting.Version}" })).StatusCode);

        // An old version is a conflict: nothing cancelled, nothing sent.
        var stale = await lead.PostFormAsync(cancel, new() { ["version"] = $"{meeting.Version - 1}" });
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Null((await MeetingAsync("Avlyses")).CancelledUtc);
        Assert.DoesNotContain(await OutboxAsync(meeting.Id), m => m.IcsMethod == "CANCEL");

        var response = await lead.PostFormAsync(cancel, new() { ["version"] = $"{meeting.Version}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cancelled = await MeetingAsync("Avlyses");
        Assert.Equal(factory.UtcNow, cancelled.CancelledUtc);
        Assert.Equal(1, cancelled.Sequence);
        var mails = (await OutboxAsync(meeting.Id)).Where(m => m.IcsMethod == "CANCEL").ToList();
        Assert.Equal(4, mails.Count);
        Assert.All(mails, m => Assert.StartsWith($"meeting:{meeting.Id}:1:CANCEL:", m.Key, StringComparison.Ordinal));
        var toKari = mails.Single(m => m.ToAddress == Demo.SorFronContact);
        Assert.Equal("Avlyst: Avlyses", toKari.Subject);
        var e = SingleEvent(toKari.Ics, "CANCEL");
        Assert.Equal($"meeting-{meeting.Id}@migrationportal", e.Uid);
        Assert.Equal(1, e.Sequence);
        Assert.Equal("CANCELLED", e.Status);

        // Twice is refused with a reason, and sends nothing more.
        var again = await lead.PostFormAsync(cancel, new() { ["version"] = $"{cancelled.Version}" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(4, (await OutboxAsync(meeting.Id)).Count(m => m.IcsMethod == "CANCEL"));

        var (status, page) = await kari.GetPageAsync($"/projects/{project}/meetings/{meeting.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Avlyst", page.QuerySelector("#meeting-cancelled")!.TextContent);
        var (_, staffPage) = await lead.GetPageAsync($"/projects/{project}/meetings/{meeting.Id}");
        Assert.Null(staffPage.QuerySelector($"a[href='/projects/{project}/meetings/{meeting.Id}/edit']"));
        Assert.Null(staffPage.QuerySelector($"form[action^='{cancel}']"));

        var edit = await PostAsync(lead, $"/projects/{project}/meetings/{meeting.Id}/edit", Fields("Avlyses", "2027-02-04", "13:00", "14:00", version: cancelled.Version, contacts: contacts, users: users));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("er avlyst og kan ikke endres", (await PortalClient.ParseAsync(edit)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(cancelled.StartUtc, (await MeetingAsync("Avlyses")).StartUtc);
    }

    [Fact]
    public async Task An_internal_meeting_invites_only_staff()
    {
        var (project, contacts, users) = await GudbrandsdalenAsync();
        using var lead = await factory.LoginAsync(Demo.Lead);

        var meeting = await PlanAsync(lead, project, Fields("Internt forarbeid", "2027-01-14", "08:00", "09:00", visible: false, contacts: contacts, users: users));
        var mails = await OutboxAsync(meeting.Id);
        Assert.Equal([Demo.Lead, Demo.CloudCenter], mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        var e = SingleEvent(mails[0].Ics, "REQUEST");
        Assert.Equal(["mailto:" + Demo.Lead, "mailto:" + Demo.CloudCenter], e.Attendees.Select(a => a.Value!.ToString()).Order(StringComparer.Ordinal));

        // Shown to the customer, the customer's people are invited; made internal again, their copies are cancelled.
        var edit = $"/projects/{project}/meetings/{meeting.Id}/edit";
        await PostAsync(lead, edit, Fields("Internt forarbeid", "2027-01-14", "08:00", "09:00", visible: true, version: meeting.Version, contacts: contacts, users: users));
        meeting = await MeetingAsync("Internt forarbeid");
        await PostAsync(lead, edit, Fields("Internt forarbeid", "2027-01-14", "08:00", "09:00", visible: false, version: meeting.Version, contacts: contacts, users: users));
        mails = await OutboxAsync(meeting.Id);
        Assert.Equal([Demo.SorFronContact, "oystein.bra@sor-fron.kommune.example"], mails.Where(m => m.Key.StartsWith($"meeting:{meeting.Id}:1:REQUEST:", StringComparison.Ordinal) && !m.ToAddress.EndsWith("@leverandor.example", StringComparison.Ordinal)).Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.Equal([Demo.SorFronContact, "oystein.bra@sor-fron.kommune.example"], mails.Where(m => m.Key.StartsWith($"meeting:{meeting.Id}:2:CANCEL:", StringComparison.Ordinal)).Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.Equal(2, mails.Count(m => m.Key.StartsWith($"meeting:{meeting.Id}:2:REQUEST:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("2027-03-28", "01:30", "03:30", "2027-03-28T00:30:00Z", "2027-03-28T01:30:00Z")] // summer time starts at 02:00: one hour long
    [InlineData("2027-10-31", "01:30", "02:30", "2027-10-30T23:30:00Z", "2027-10-31T01:30:00Z")] // 02:30 happens twice; the form takes the second
    [InlineData("2027-10-31", "02:15", "04:00", "2027-10-31T01:15:00Z", "2027-10-31T03:00:00Z")]
    public async Task A_meeting_on_the_night_of_a_daylight_saving_change_is_at_the_right_moment(string date, string start, string end, string startUtc, string endUtc)
    {
        var (project, contacts, _) = await GudbrandsdalenAsync();
        using var lead = await factory.LoginAsync(Demo.Lead);
        var title = $"Nattarbeid {date} {start}";

        var meeting = await PlanAsync(lead, project, Fields(title, date, start, end, contacts: contacts));

        var expectedStart = DateTime.Parse(startUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var expectedEnd = DateTime.Parse(endUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.Equal(expectedStart, meeting.StartUtc);
        Assert.Equal(expectedEnd, meeting.EndUtc);
        var e = SingleEvent((await OutboxAsync(meeting.Id))[0].Ics, "REQUEST");
        Assert.Equal(expectedStart, e.DtStart!.AsUtc);
        Assert.Equal(expectedEnd, e.DtEnd!.AsUtc);
    }

    [Fact]
    public async Task Add_to_calendar_gives_the_meeting_to_whoever_sees_its_page_and_404_to_anyone_else()
    {
        var tromso = await ProjectAsync("Tromsø");
        var meeting = await MeetingAsync("Oppfølgingsmøte kartlegging");
        var url = $"/projects/{tromso}/meetings/{meeting.Id}/calendar.ics";
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var (_, page) = await per.GetPageAsync($"/projects/{tromso}/meetings/{meeting.Id}");
        Assert.Equal(url, page.QuerySelector("#add-to-calendar")!.GetAttribute("href"));
        var response = await per.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Headers.CacheControl!.NoStore);
        var e = SingleEvent(await response.Content.ReadAsStringAsync(), "PUBLISH");
        Assert.Equal($"meeting-{meeting.Id}@migrationportal", e.Uid);
        Assert.Equal(meeting.StartUtc, e.DtStart!.AsUtc);
        Assert.Empty(e.Attendees);

        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{tromso}/meetings/{meeting.Id + 100000}/calendar.ics")).StatusCode);

        // An internal meeting is the vendor's only.
        var gudbrandsdalen = await ProjectAsync("Gudbrandsdalen");
        var internalMeeting = await MeetingAsync("Intern gjennomgang serveroppsett");
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/projects/{gudbrandsdalen}/meetings/{internalMeeting.Id}/calendar.ics")).StatusCode);
        using var lead = await factory.LoginAsync(Demo.Lead);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/projects/{gudbrandsdalen}/meetings/{internalMeeting.Id}/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task The_private_feed_shows_what_the_customer_may_see_and_renewing_kills_the_old_address()
    {
        var tromso = await ProjectAsync("Tromsø");
        using var sales = await factory.LoginAsync(Demo.Sales);
        await PlanAsync(sales, tromso, Fields("Internt om Tromsø", "2027-01-05", "10:00", "11:00", visible: false));
        await PlanAsync(sales, tromso, Fields("Lenge siden", factory.Today.AddDays(-120).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "10:00", "11:00"));
        var toCancel = await PlanAsync(sales, tromso, Fields("Avlyst i Tromsø", "2027-01-06", "10:00", "11:00"));
        await sales.PostFormAsync($"/projects/{tromso}/meetings/{toCancel.Id}/cancel", new() { ["version"] = $"{toCancel.Version}" });
        using var per = await factory.LoginAsync(Demo.TromsoContact);

        var feedUrl = await FeedUrlAsync(per);
        Assert.Equal(feedUrl, await FeedUrlAsync(per));
        var path = new Uri(feedUrl).AbsolutePath;
        Assert.Matches("^/calendar/[A-Za-z0-9_-]{43}\\.ics$", path);
        using var anonymous = factory.Client();
        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Headers.CacheControl!.NoStore);
        var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PUBLISH", calendar.Method);
        var titles = calendar.Events.Select(e => e.Summary).ToList();
        Assert.Contains("Oppfølgingsmøte kartlegging", titles);
        Assert.Contains("Innledende møte Tromsø", titles);
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Summary == "Avlyst i Tromsø").Status);
        Assert.Equal("CONFIRMED", calendar.Events.Single(e => e.Summary == "Oppfølgingsmøte kartlegging").Status);
        Assert.DoesNotContain("Internt om Tromsø", titles);
        Assert.DoesNotContain("Lenge siden", titles);
        var others = await factory.WithDbAsync(db => db.Meetings.Where(m => m.ProjectId != tromso).Select(m => m.Title).ToListAsync());
        Assert.Empty(titles.Intersect(others));

        var renewed = await per.PostFormAsync("/account/calendar/renew", []);

        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var newUrl = await FeedUrlAsync(per);
        Assert.NotEqual(feedUrl, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(newUrl).AbsolutePath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/ukjent-token-som-ikke-finnes.ics")).StatusCode);
    }

    [Fact]
    public async Task A_staff_feed_has_the_meetings_they_take_part_in_or_lead_internal_ones_too()
    {
        using var marte = await factory.LoginAsync(Demo.Lead);
        var feedUrl = await FeedUrlAsync(marte);
        using var anonymous = factory.Client();

        var calendar = IcalCalendar.Load(await (await anonymous.GetAsync(new Uri(feedUrl).AbsolutePath)).Content.ReadAsStringAsync())!;

        var titles = calendar.Events.Select(e => e.Summary).ToList();
        Assert.Contains("Oppstartsmøte Gudbrandsdalen", titles);
        Assert.Contains("Intern gjennomgang serveroppsett", titles);
        Assert.DoesNotContain("Go-live-sjekk", titles);
        Assert.DoesNotContain("Oppfølgingsmøte kartlegging", titles);
        var kickoff = calendar.Events.Single(e => e.Summary == "Oppstartsmøte Gudbrandsdalen");
        Assert.Equal(Oslo, kickoff.DtStart!.TzId);
        Assert.Equal("mailto:" + Demo.Lead, kickoff.Organizer!.Value!.ToString());
    }

    private static async Task<string> FeedUrlAsync(PortalClient client)
    {
        var (status, page) = await client.GetPageAsync("/account/calendar");
        Assert.Equal(HttpStatusCode.OK, status);
        var url = page.QuerySelector("#feed-url")!.GetAttribute("value")!;
        Assert.Matches(FeedPattern(), url);
        return url;
    }

    [GeneratedRegex("^https://portal\\.example/calendar/[A-Za-z0-9_-]+\\.ics$")]
    private static partial Regex FeedPattern();
}
