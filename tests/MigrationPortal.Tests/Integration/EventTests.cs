using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class EventTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string?> Fields(string title, int capacity, string date, params int[] customerIds)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Kind"] = "ProfessionalDays", ["Title"] = title, ["Date"] = date, ["Start"] = "09:00", ["End"] = "16:00", ["Place"] = "Hamar",
            ["Programme"] = "## Dag 1\n- **Nytt** i WebSak\n<script>alert(1)</script>\n[lenke](javascript:alert(2))", ["Capacity"] = Id(capacity),
            ["RegistrationDeadline"] = factory.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Version"] = "0",
        };
        for (var i = 0; i < customerIds.Length; i++)
        {
            fields[$"CustomerIds[{i}]"] = Id(customerIds[i]);
        }

        return fields;
    }

    private Task<int> CustomerAsync(string prefix) => UpgradeSetup.CustomerAsync(factory, prefix);

    private async Task<int> CreateAsync(string title, int capacity, params int[] customerIds)
    {
        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        var response = await siri.PostFormAsync("/events/new", Fields(title, capacity, factory.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), customerIds));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDbAsync(db => db.Events.Where(e => e.Title == title).Select(e => e.Id).SingleAsync());
    }

    private Task<Dictionary<string, RegistrationStatus>> StatusesAsync(int eventId) => factory.WithDbAsync(db =>
        db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).ToDictionaryAsync(r => r.Name, r => r.Status));

    [Fact]
    public async Task Invitations_go_to_the_invited_customers_contacts_with_logins_once_and_the_programme_is_shown_safely()
    {
        var tromso = await CustomerAsync("Tromsø");
        var ev = await CreateAsync("FAGdag om eInnsyn", 50, tromso);

        var mails = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"event:{ev}:")).ToListAsync());
        Assert.Equal(["ellen.aslaksen@tromso.kommune.example", "per.hansen@tromso.kommune.example"], mails.Select(m => m.ToAddress).Order().ToList());
        Assert.All(mails, m => Assert.Contains($"https://portal.example/my/events/{ev}", m.TextBody, StringComparison.Ordinal));

        // Saving again does not invite twice.
        using (var siri = await factory.LoginAsync(Demo.CloudCenter))
        {
            var version = await factory.WithDbAsync(db => db.Events.Where(e => e.Id == ev).Select(e => e.Version).SingleAsync());
            var fields = Fields("FAGdag om eInnsyn", 60, factory.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tromso);
            fields["Version"] = Id(version);
            Assert.Equal(HttpStatusCode.Redirect, (await siri.PostFormAsync($"/events/{ev}/edit", fields)).StatusCode);
        }

        Assert.Equal(2, await factory.WithDbAsync(db => db.Outbox.CountAsync(m => m.Key.StartsWith($"event:{ev}:"))));
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        var (status, page) = await per.GetPageAsync($"/my/events/{ev}");
        Assert.Equal(HttpStatusCode.OK, status);
        var programme = page.QuerySelector("#programme")!;
        Assert.NotNull(programme.QuerySelector("strong"));
        Assert.Null(programme.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", programme.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_event_puts_the_next_on_the_waiting_list_and_a_cancellation_moves_them_up_and_tells_them()
    {
        var ev = await CreateAsync("Brukerseminar 2027", 1, await CustomerAsync("Tromsø"), await CustomerAsync("Sør-Fron"));
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal(HttpStatusCode.Redirect, (await per.PostFormAsync($"/my/events/{ev}/register", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kari.PostFormAsync($"/my/events/{ev}/register", [])).StatusCode);
        Assert.Equal(new Dictionary<string, RegistrationStatus> { ["Per Hansen"] = RegistrationStatus.Registered, ["Kari Nordmann"] = RegistrationStatus.Waiting }, await StatusesAsync(ev));

        Assert.Equal(HttpStatusCode.Redirect, (await per.PostFormAsync($"/my/events/{ev}/cancel", [])).StatusCode);
        Assert.Equal(new Dictionary<string, RegistrationStatus> { ["Per Hansen"] = RegistrationStatus.Cancelled, ["Kari Nordmann"] = RegistrationStatus.Registered }, await StatusesAsync(ev));
        var moved = Assert.Single(await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"event-moved-up:{ev}:")).ToListAsync()));
        Assert.Equal(Demo.SorFronContact, moved.ToAddress);
        var (_, page) = await kari.GetPageAsync($"/my/events/{ev}");
        Assert.Contains("Påmeldt", page.QuerySelector("#my-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_taking_the_last_seat_at_once_get_one_seat_and_one_waiting_place()
    {
        var ev = await CreateAsync("Webinar siste plass", 1, await CustomerAsync("Tromsø"));
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        await per.TokenAsync("/error/404");

        var responses = await Task.WhenAll(per.PostFormAsync($"/my/events/{ev}/register", []), ellen.PostFormAsync($"/my/events/{ev}/register", []));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await StatusesAsync(ev);
        Assert.Equal([RegistrationStatus.Registered, RegistrationStatus.Waiting], statuses.Values.Order().ToList());
    }

    [Fact]
    public async Task A_contact_of_a_customer_not_invited_gets_404_and_cannot_register()
    {
        var ev = await CreateAsync("Kun Tromsø", 10, await CustomerAsync("Tromsø"));
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/my/events/{ev}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"/my/events/{ev}/register", [])).StatusCode);
        var (_, list) = await kari.GetPageAsync("/my/events");
        Assert.DoesNotContain("Kun Tromsø", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await StatusesAsync(ev));
    }

    [Fact]
    public async Task Staff_export_the_registrations_as_csv_excel_in_norway_opens()
    {
        var ev = await CreateAsync("Eksport; test", 5, await CustomerAsync("Tromsø"));
        using (var per = await factory.LoginAsync(Demo.TromsoContact))
        {
            await per.PostFormAsync($"/my/events/{ev}/register", []);
        }

        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        var response = await siri.GetAsync($"/events/{ev}/registrations.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Navn;Organisasjon;E-post;Status;Påmeldt", lines[0]);
        Assert.Equal($"Per Hansen;Tromsø kommune;per.hansen@tromso.kommune.example;Påmeldt;{factory.Clock.GetUtcNow().UtcDateTime.AddHours(1):yyyy-MM-dd HH:mm}", lines[1]);
        Assert.Equal(2, lines.Length);

        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.GetAsync($"/events/{ev}/registrations.csv")).StatusCode);
    }

    [Fact]
    public async Task An_event_in_year_one_is_refused_with_a_message_and_nothing_saved()
    {
        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        var response = await siri.PostFormAsync("/events/new", Fields("År én", 10, "0001-01-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("Dato", page.QuerySelector(".alert-danger, [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Events.AnyAsync(e => e.Title == "År én")));
    }
}
