using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// The app with everything mapped that production maps (the job dashboard too, with no job server), a pickup folder of
/// its own, and the rows the sweep needs that the demo data lacks, made the way people make them.
/// </summary>
public sealed class AccessSweepFactory : PortalFactory
{
    private readonly Lazy<Task<SweepIds>> ids;

    public AccessSweepFactory() => ids = new(PrepareAsync);

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "mp-tests", $"pickup-{Guid.NewGuid():N}");

    /// <summary>The ids of <see cref="SweepIds"/>, made once per factory.</summary>
    public Task<SweepIds> IdsAsync() => ids.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:Enabled", "true");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Mail:PickupDirectory", PickupDirectory);
    }

    private async Task<SweepIds> PrepareAsync()
    {
        Task<int> ProjectAsync(string prefix) => WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());
        var (gud, tromso, alesund, baerum) = (await ProjectAsync("Gudbrandsdalen"), await ProjectAsync("Tromsø"), await ProjectAsync("Ålesund"), await ProjectAsync("Bærum"));
        static async Task<string> MadeAsync(Task<HttpResponseMessage> post)
        {
            using var response = await post;
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.Location!.ToString();
        }

        using (var kari = await LoginAsync(Demo.SorFronContact))
        using (var lead = await LoginAsync(Demo.Lead))
        using (var ragnhild = await LoginAsync(Demo.AlesundContact))
        using (var sales = await LoginAsync(Demo.Sales))
        {
            await MadeAsync(kari.PostFormAsync($"/projects/{gud}/test/findings/new", new() { ["Title"] = "Sveip: vedlegg mangler", ["Severity"] = "High" }));
            await MadeAsync(lead.PostFormAsync($"/projects/{gud}/training/new", new()
            {
                ["Title"] = "Sveip: superbrukerkurs", ["Format"] = "AtCustomer", ["Audience"] = "Superbrukere", ["Date"] = "2027-01-12", ["Time"] = "09:00",
                ["DurationMinutes"] = "180", ["CustomerVisible"] = "true",
            }));
            await MadeAsync(lead.PostFormAsync($"/projects/{gud}/documents/plan", []));
            await MadeAsync(ragnhild.PostFormAsync($"/operations/{alesund}/meeting-requests/new", new() { ["Topic"] = "Sveip: arkivplan", ["PreferredDate"] = "2026-12-07" }));
            var draft = await MadeAsync(sales.PostFormAsync($"/projects/{tromso}/offers", []));
            await UpgradeSetup.RunNoticesAsync(this);
            var contract = await Journeys.SignedContractAsync(this, gud);
            Directory.CreateDirectory(PickupDirectory);
            await File.WriteAllTextAsync(Path.Combine(PickupDirectory, "sweep.eml"), "Subject: sweep\r\n\r\nA mail in the pickup folder.\r\n");

            return await WithDbAsync(async db =>
            {
                var alesundCustomer = await db.Customers.Where(c => c.Name == "Ålesund kommune").Select(c => c.Id).SingleAsync();
                var websak = await db.Products.Where(p => p.Code == "websak").Select(p => p.Id).SingleAsync();
                return new SweepIds
                {
                    Gudbrandsdalen = gud,
                    GudStep = await db.Steps.Where(s => s.ProjectId == gud && s.CustomerVisible && s.Responsible == ResponsibleParty.Vendor).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                    GudInternalStep = await db.Steps.Where(s => s.ProjectId == gud && !s.CustomerVisible).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                    GudCustomerStep = await db.Steps.Where(s => s.ProjectId == gud && s.CustomerVisible && s.Responsible == ResponsibleParty.Customer && s.Status != StepStatus.Done)
                        .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                    GudMeeting = await db.Meetings.Where(m => m.ProjectId == gud && m.CustomerVisible && m.CancelledUtc == null).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                    GudInternalMeeting = await db.Meetings.Where(m => m.ProjectId == gud && !m.CustomerVisible).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                    GudItem = await db.ChecklistItems.Where(i => i.ProjectId == gud).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
                    GudCustomerItem = await db.ChecklistItems.Where(i => i.ProjectId == gud && i.Owner == ResponsibleParty.Customer && i.Status == ChecklistStatus.Open)
                        .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
                    GudFinding = await db.TestFindings.Where(f => f.Title == "Sveip: vedlegg mangler").Select(f => f.Id).SingleAsync(),
                    GudSession = await db.TrainingSessions.Where(s => s.Title == "Sveip: superbrukerkurs").Select(s => s.Id).SingleAsync(),
                    GudPlanNumber = await db.PlanVersions.Where(v => v.ProjectId == gud).MaxAsync(v => v.Number),
                    GudContract = contract.Id,
                    SorFron = await db.Customers.Where(c => c.Name == "Sør-Fron kommune").Select(c => c.Id).SingleAsync(),
                    Tromso = tromso,
                    TromsoCustomer = await db.Customers.Where(c => c.Name == "Tromsø kommune").Select(c => c.Id).SingleAsync(),
                    TromsoContact = await db.Contacts.Where(c => c.Email == Demo.TromsoSigner).Select(c => c.Id).SingleAsync(),
                    TromsoOffer = await db.OfferRevisions.Where(r => r.Offer!.ProjectId == tromso && r.Status == OfferStatus.Sent).Select(r => r.Id).SingleAsync(),
                    DraftOffer = int.Parse(draft.Split('/')[2], CultureInfo.InvariantCulture),
                    Alesund = alesund,
                    AlesundCustomer = alesundCustomer,
                    Release = await db.UpgradeNotices.Where(n => n.CustomerId == alesundCustomer).OrderBy(n => n.ReleaseId).Select(n => n.ReleaseId).FirstAsync(),
                    MeetingRequest = await db.MeetingRequests.Where(r => r.Topic == "Sveip: arkivplan").Select(r => r.Id).SingleAsync(),
                    News = await db.CloudNews.OrderBy(n => n.Id).Select(n => n.Id).FirstAsync(),
                    Fagdagene = await db.Events.Where(e => e.Kind == PortalEventKind.ProfessionalDays).Select(e => e.Id).SingleAsync(),
                    Baerum = baerum,
                    Product = websak,
                    Template = await db.StepTemplates.Where(t => t.ProductId == websak).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
                    Lead = await db.Leads.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(),
                    QueueEntry = await db.CloudQueue.Where(e => e.StartedUtc == null).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
                    OutboxMessage = await db.Outbox.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                    PickupFile = "sweep.eml",
                    User = await db.Users.Where(u => u.Email == Demo.AlesundContact).Select(u => u.Id).SingleAsync(),
                };
            });
        }
    }
}

/// <summary>
/// The isolation sweep: every endpoint of the app, taken from its endpoint data source so that none can be forgotten, is
/// called by everyone its line in <see cref="AccessSweepTable"/> refuses, with GET and POST as the endpoint takes them:
/// <list type="bullet">
/// <item>a contact of another organisation gets 404 (or 403 where a role policy turns away every customer), and exactly
/// what they get for ids that do not exist, so an answer never tells them a row is there; where the endpoint names a part
/// of a project or customer (a step, a meeting, a contact ...), also with their own project or customer in front of the
/// other organisation's part;</item>
/// <item>a contact of the organisation itself, where customers may not do it, gets 404 (an internal thing they may not
/// see) or 403 (theirs to see, not to change);</item>
/// <item>each vendor role that may not gets 403 (or 404 for an empty form that names no part of what it changes);</item>
/// <item>an anonymous visitor is sent to the login page (the cookie scheme's challenge, a 302 to <c>/account/login</c>
/// that shows nothing); on an endpoint open to anonymous callers (the calendar feed, whose token is the secret) everyone
/// with a token that is no one's gets 404.</item>
/// </list>
/// Never 200, another redirect or 500. POSTs carry the caller's own valid antiforgery token, so the check reached is
/// authorization, not CSRF, and are sent twice: with the form the owner's page holds (as it would have been saved) and
/// empty (so a check that runs only after validation shows as a page of field errors); no refused POST may change a row
/// of any table. Each line's owner gets through on the same address (GET) or finds the form posting to it on their page
/// (POST), so the ids are real and the refusal is the access rule's, not a missing row's.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed partial class AccessSweepTests(AccessSweepFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AccessSweepFactory>
{
    private const string Nothing = "999999";

    private sealed record Session(PortalClient Client, string Token, string Name);

    /// <summary>One refused call: its address, and for another organisation's contact the same address with ids that do not exist.</summary>
    private sealed record Attempt(SweepRule Rule, Callers Caller, Session Session, string Url, string? Nowhere, bool AnonymousEndpoint, List<KeyValuePair<string, string>>? Form);

    [Fact]
    public void The_table_has_a_line_for_every_endpoint_of_the_app_and_for_no_other()
    {
        var endpoints = Endpoints();
        var table = AccessSweepTable.Rules.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        var missing = endpoints.Keys.Except(table).Order(StringComparer.Ordinal).ToList();
        var stale = table.Except(endpoints.Keys).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Endpoints without a line in AccessSweepTable (say who must be refused):\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Lines in AccessSweepTable for endpoints the app no longer has:\n" + string.Join('\n', stale));
        Assert.Contains("GET /hangfire/{**path}", endpoints.Keys); // the job dashboard is in the sweep too
        Assert.Contains("POST /projects/{id:int}/steps/{stepId:int}/edit", endpoints.Keys);
    }

    [Fact]
    public void Every_endpoint_that_takes_an_id_refuses_other_organisations_and_anonymous_visitors_unless_it_is_public_on_purpose()
    {
        string[] publicWithIds = ["GET /error/{code:int?}", "POST /error/{code:int?}"];
        var open = AccessSweepTable.Rules.Where(r => r.Pattern.Contains('{', StringComparison.Ordinal) && !publicWithIds.Contains(r.Key))
            .Where(r => (r.Refused & Callers.Outsiders) != Callers.Outsiders || r.Owner is null && r.Refused != Callers.Everyone)
            .Select(r => r.ToString()).ToList();

        Assert.Empty(open);
    }

    [Fact]
    public async Task No_caller_reaches_an_endpoint_its_line_refuses_them_and_refused_posts_change_nothing()
    {
        var ids = await factory.IdsAsync();
        var anonymousEndpoints = Endpoints().Where(e => e.Value.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var sessions = new Dictionary<string, Session>(StringComparer.Ordinal);
        var failures = new List<string>();
        var posts = new List<Attempt>();
        var gets = 0;
        try
        {
            foreach (var rule in AccessSweepTable.Rules.Where(r => r.Refused != Callers.None))
            {
                var values = new RouteValueDictionary(rule.Ids(ids));
                var url = Url(rule.Pattern, values);
                List<KeyValuePair<string, string>>? form = null;
                if (rule.Owner is { } owner)
                {
                    var session = await SessionAsync(sessions, owner);
                    if (rule.Method == "GET")
                    {
                        using var response = await session.Client.GetAsync(url);
                        if (!Allowed(response))
                        {
                            failures.Add($"{rule}: the owner {owner} does not get through on GET {url} ({Describe(response)}): the line's ids or owner are wrong");
                        }
                    }
                    else if (rule.FormPage is { } page)
                    {
                        form = await HarvestAsync(session.Client, Url(page, values), url);
                        if (form is null)
                        {
                            failures.Add($"{rule}: {owner}'s page {Url(page, values)} has no form posting to {url}");
                        }
                    }
                }

                foreach (var caller in Enum.GetValues<Callers>().Where(c => System.Numerics.BitOperations.IsPow2((int)c) && rule.Refused.HasFlag(c)))
                {
                    if (Login(caller, rule.Org) is not { } login)
                    {
                        continue;
                    }

                    var session = await SessionAsync(sessions, login);
                    foreach (var (address, nowhere) in Addresses(rule, caller, values, ids))
                    {
                        var attempt = new Attempt(rule, caller, session, address, nowhere, anonymousEndpoints.Contains(rule.Key), form);
                        if (rule.Method == "GET")
                        {
                            await TryAsync(failures, attempt, null, string.Empty);
                            gets++;
                        }
                        else
                        {
                            posts.Add(attempt);
                        }
                    }
                }
            }

            // The refused POSTs, each with the owner's form and empty; the database is compared after every one.
            var baseline = await DatabaseFingerprint.TakeAsync(factory);
            foreach (var post in posts)
            {
                foreach (var (body, what) in new[] { (post.Form, " with the owner's form"), ([], " with an empty form") }.Where(b => b.Item1 is not null))
                {
                    await TryAsync(failures, post, body, what);
                    var after = await DatabaseFingerprint.TakeAsync(factory);
                    if (DatabaseFingerprint.Changed(baseline, after) is { Count: > 0 } changed)
                    {
                        failures.Add($"{post.Rule}: POST {post.Url} as {post.Caller} ({post.Session.Name}){what} changed {string.Join(", ", changed)}");
                        baseline = after;
                    }
                }
            }

            output.WriteLine($"{AccessSweepTable.Rules.Count} lines; {gets} refused GETs; {posts.Count} refused POSTs, {posts.Count(p => p.Form is { Count: > 0 })} also with the owner's form");
            Assert.True(gets > 200 && posts.Count > 200, $"Only {gets} GETs and {posts.Count} POSTs were tried");
        }
        finally
        {
            foreach (var s in sessions.Values)
            {
                s.Client.Dispose();
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n" + string.Join('\n', failures));
    }

    /// <summary>Every endpoint of the app by "METHOD /pattern" (an endpoint that names no method takes GET and POST).</summary>
    private Dictionary<string, Endpoint> Endpoints()
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(m => (Key: $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}", Endpoint: (Endpoint)e)))
            .ToDictionary(e => e.Key, e => e.Endpoint, StringComparer.Ordinal);
    }

    /// <summary>The demo login of a caller for rows of this organisation; null where there is none (no own customer of vendor rows).</summary>
    private static string? Login(Callers caller, SweepOrg org) => caller switch
    {
        Callers.Anonymous => string.Empty,
        Callers.Sales => Demo.Sales,
        Callers.Lead => Demo.Lead,
        Callers.CloudCentre => Demo.CloudCenter,
        Callers.Admin => Demo.Admin,
        Callers.OtherCustomer => org switch
        {
            SweepOrg.Gudbrandsdalen or SweepOrg.Baerum => Demo.TromsoContact,
            SweepOrg.Tromso or SweepOrg.Alesund => Demo.SorFronContact,
            _ => Demo.AlesundContact,
        },
        Callers.OwnCustomer => org switch
        {
            SweepOrg.Gudbrandsdalen => Demo.SorFronContact,
            SweepOrg.Tromso => Demo.TromsoContact,
            SweepOrg.Alesund => Demo.AlesundContact,
            SweepOrg.Baerum => Demo.BaerumContact,
            _ => null,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };

    /// <summary>
    /// The address as the line fills it, and for another organisation's contact the same with ids that do not exist. Where the
    /// endpoint names a part of a project or customer, another organisation's contact also tries their own project or customer
    /// in front of the other's part (a step, meeting, item ... of someone else under an id they may see).
    /// </summary>
    private static IEnumerable<(string Url, string? Nowhere)> Addresses(SweepRule rule, Callers caller, RouteValueDictionary values, SweepIds ids)
    {
        var parameters = ParameterPattern().Matches(rule.Pattern).Select(m => m.Groups[1].Value).ToList();
        RouteValueDictionary Gone(RouteValueDictionary from, int keep) =>
            new(from.ToDictionary(v => v.Key, v => parameters.IndexOf(v.Key) < keep ? v.Value : (object)Nothing));
        if (caller != Callers.OtherCustomer)
        {
            yield return (Url(rule.Pattern, values), null);
            yield break;
        }

        yield return (Url(rule.Pattern, values), Url(rule.Pattern, Gone(values, 0)));
        var login = Login(caller, rule.Org);
        int? own = login switch
        {
            _ when parameters.Count < 2 => null,
            Demo.TromsoContact or Demo.SorFronContact when rule.Pattern.StartsWith("/projects/", StringComparison.Ordinal) =>
                login == Demo.TromsoContact ? ids.Tromso : ids.Gudbrandsdalen,
            Demo.TromsoContact or Demo.SorFronContact when rule.Pattern.StartsWith("/customers/", StringComparison.Ordinal) =>
                login == Demo.TromsoContact ? ids.TromsoCustomer : ids.SorFron,
            _ => null,
        };
        if (own is { } mine)
        {
            var mixed = new RouteValueDictionary(values) { [parameters[0]] = mine };
            yield return (Url(rule.Pattern, mixed), Url(rule.Pattern, Gone(mixed, 1)));
        }
    }

    /// <summary>Calls the address (a GET, or a POST of <paramref name="form"/>) and records what is not a refusal as the caller's kind must get it.</summary>
    private static async Task TryAsync(List<string> failures, Attempt attempt, List<KeyValuePair<string, string>>? form, string what)
    {
        var (status, location) = await CallAsync(attempt.Session, attempt.Url, form);
        var refused = attempt.Caller switch
        {
            _ when attempt.AnonymousEndpoint => status is 403 or 404,
            Callers.Anonymous => status == 302 && location?.StartsWith("/account/login", StringComparison.Ordinal) == true,
            Callers.OtherCustomer or Callers.OwnCustomer => status is 403 or 404,

            // Staff may see what they may not change: 403. An empty form may name no part of it at all (which customer's
            // status month?), and that is not found.
            _ => status == 403 || status == 404 && form is { Count: 0 },
        };
        var method = form is null ? "GET" : "POST";
        if (!refused)
        {
            failures.Add($"{attempt.Rule}: {method} {attempt.Url} as {attempt.Caller} ({attempt.Session.Name}){what} answered {status}{(location is null ? null : $" to {location}")}");
        }
        else if (attempt.Nowhere is { } nowhere && (await CallAsync(attempt.Session, nowhere, form)).Status is var unknown && unknown != status)
        {
            failures.Add($"{attempt.Rule}: {method} {attempt.Url} as {attempt.Caller} ({attempt.Session.Name}){what} answered {status}, but {unknown} for ids that do not exist ({nowhere})");
        }
    }

    private static async Task<(int Status, string? Location)> CallAsync(Session session, string url, List<KeyValuePair<string, string>>? form)
    {
        using var content = form is null ? null : new FormUrlEncodedContent([.. form, new("__RequestVerificationToken", session.Token)]);
        using var response = content is null
            ? await session.Client.GetAsync(url)
            : await session.Client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
        return ((int)response.StatusCode, response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null);
    }

    /// <summary>Through the access rules: a page, a file, or a redirect that is not to the login page.</summary>
    private static bool Allowed(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 200 and < 300
        || (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) != true;

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? $" to {location}" : string.Empty)}";

    private async Task<Session> SessionAsync(Dictionary<string, Session> sessions, string login)
    {
        if (!sessions.TryGetValue(login, out var session))
        {
            var client = login.Length == 0 ? factory.Client() : await factory.LoginAsync(login);
            session = sessions[login] = new Session(client, await client.TokenAsync("/error/404"), login.Length == 0 ? "not signed in" : login);
        }

        return session;
    }

    /// <summary>
    /// The fields of the form on <paramref name="page"/> that posts to <paramref name="action"/>, as a browser would send them,
    /// with empty text filled in (a new comment, a new item's title) so that what is posted would have been saved, and the
    /// values its address carries (a button form's version, the customer of a status month); null when the page has no such form.
    /// </summary>
    private static async Task<List<KeyValuePair<string, string>>?> HarvestAsync(PortalClient owner, string page, string action)
    {
        using var response = await owner.GetAsync(page);
        var document = await PortalClient.ParseAsync(response);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)
                && (f.GetAttribute("action") ?? string.Empty).Split('?', '#')[0] == action);
        if (form is null)
        {
            return null;
        }

        var fields = QueryHelpers.ParseQuery(new Uri(new Uri("http://portal"), form.GetAttribute("action")).Query)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken")
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset" or "file":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value.Length == 0 && input.Type == "text" ? "Sveip" : input.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    foreach (var option in chosen.Count > 0 || select.IsMultiple ? chosen : select.Options.Take(1))
                    {
                        fields.Add(new(name, option.Value));
                    }

                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value.Length == 0 ? "Sveip" : area.Value));
                    break;
                case IHtmlButtonElement button when fields.All(f => f.Key != name):
                    fields.Add(new(name, button.Value));
                    break;
            }
        }

        return fields;
    }

    /// <summary>The pattern with its parameters filled; a parameter the line gives no value for is a mistake in the table.</summary>
    private static string Url(string pattern, RouteValueDictionary values) =>
        ParameterPattern().Replace(pattern, m => values.TryGetValue(m.Groups[1].Value, out var v) && v is not null
            ? Uri.EscapeDataString(Convert.ToString(v, CultureInfo.InvariantCulture)!).Replace("%2F", "/", StringComparison.Ordinal)
            : m.Value.EndsWith("?}", StringComparison.Ordinal) ? string.Empty
            : throw new InvalidOperationException($"{pattern}: no value for {m.Value}"));

    private static string Url(string pattern, object? values) => Url(pattern, new RouteValueDictionary(values));

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex ParameterPattern();
}
