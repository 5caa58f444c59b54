using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class ChecklistTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Gudbrandsdalen = "Gudbrandsdalen";

    private Task<int> ProjectIdAsync(string prefix) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());

    private Task<ChecklistItem> ItemAsync(int id) => factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private Task<ChecklistItem> AddAsync(string projectPrefix, string title, ResponsibleParty owner = ResponsibleParty.Customer, int dueDays = 5,
        ChecklistCategory category = ChecklistCategory.Access) =>
        factory.WithDbAsync(async db =>
        {
            var item = new ChecklistItem
            {
                ProjectId = await db.Projects.Where(p => p.Name.StartsWith(projectPrefix)).Select(p => p.Id).SingleAsync(),
                Title = title, Owner = owner, Due = factory.Today.AddDays(dueDays), Category = category,
            };
            db.ChecklistItems.Add(item);
            await db.SaveChangesAsync();
            return item;
        });

    private static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> EditFields(ChecklistItem i, string? title = null, ChecklistStatus? status = null, int? version = null) => new()
    {
        ["Category"] = i.Category.ToString(),
        ["Title"] = title ?? i.Title,
        ["Description"] = i.Description,
        ["Owner"] = i.Owner.ToString(),
        ["Due"] = i.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Status"] = (status ?? i.Status).ToString(),
        ["Version"] = V(version ?? i.Version),
    };

    [Fact]
    public async Task Lead_adds_the_standard_items_once_to_an_empty_checklist_and_a_customer_may_not()
    {
        var vefsn = await ProjectIdAsync("Vefsn");
        using var lead = await factory.LoginAsync(Demo.Lead);
        var (_, empty) = await lead.GetPageAsync($"/projects/{vefsn}/checklist");
        Assert.NotNull(empty.QuerySelector($"form[action='/projects/{vefsn}/checklist/standard'] button"));

        var first = await lead.PostFormAsync($"/projects/{vefsn}/checklist/standard", []);
        var second = await lead.PostFormAsync($"/projects/{vefsn}/checklist/standard", []);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var items = await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().Where(i => i.ProjectId == vefsn).ToListAsync());
        Assert.Equal(8, items.Count); // a WebSak project: no forms export
        var start = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == vefsn).Select(p => p.PlannedStart).SingleAsync());
        Assert.Contains(items, i => i.Title == "VPN eller fjerntilgang for leverandøren" && i.Due == start!.Value.AddDays(7) && i.Owner == ResponsibleParty.Customer);
        Assert.Contains(items, i => i.Title == "Eksport av WebSak-databasen" && i.Category == ChecklistCategory.Export);
        Assert.DoesNotContain(items, i => i.Title == "Eksport av skjemaene");

        var (_, page) = await lead.GetPageAsync($"/projects/{vefsn}/checklist");
        Assert.Equal("0 av 8 punkter er ferdige", page.QuerySelector("#checklist-progress")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[role=progressbar][aria-valuenow='0']"));
        Assert.Equal(["Tilgang", "Kontoer", "Eksport av data", "Nettverk", "Annet"], page.QuerySelectorAll("section h2.h4").Select(h => h.TextContent.Trim()));
        Assert.Null(page.QuerySelector($"form[action='/projects/{vefsn}/checklist/standard']"));

        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var gudbrandsdalen = await ProjectIdAsync(Gudbrandsdalen);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostFormAsync($"/projects/{gudbrandsdalen}/checklist/standard", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.GetAsync($"/projects/{gudbrandsdalen}/checklist/new")).StatusCode);
    }

    [Fact]
    public async Task The_standard_items_come_in_english_for_an_english_speaking_customer()
    {
        var kystverket = await ProjectIdAsync("Kystverket");
        await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Name.StartsWith("Kystverket"));
            customer.PreferredLanguage = "en";
            return await db.SaveChangesAsync();
        });
        using var lead = await factory.LoginAsync(Demo.Lead);

        await lead.PostFormAsync($"/projects/{kystverket}/checklist/standard", []);

        var titles = await factory.WithDbAsync(db => db.ChecklistItems.Where(i => i.ProjectId == kystverket).Select(i => i.Title).ToListAsync());
        Assert.Contains("Export of the WebSak database", titles);
        Assert.Contains("VPN or remote access for the vendor", titles);
        Assert.DoesNotContain("Export of the forms", titles);
    }

    [Fact]
    public async Task Customer_marks_an_item_of_their_own_done_and_reopens_it()
    {
        var item = await AddAsync(Gudbrandsdalen, "Brannmuråpning mot SvarUt");
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var url = $"/projects/{item.ProjectId}/checklist/{item.Id}/status";
        var (_, list) = await kari.GetPageAsync($"/projects/{item.ProjectId}/checklist");
        Assert.NotNull(list.QuerySelector($"#item-{item.Id} form[action^='{url}?'] button"));
        Assert.Null(list.QuerySelector($"#item-{item.Id} a[href$='/edit']"));

        var done = await kari.PostFormAsync(url, new() { ["done"] = "true", ["version"] = V(item.Version) });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var saved = await ItemAsync(item.Id);
        Assert.Equal((ChecklistStatus.Done, "Kari Nordmann", factory.UtcNow), (saved.Status, saved.DoneByName, saved.DoneUtc!.Value));
        var (_, page) = await kari.GetPageAsync($"/projects/{item.ProjectId}/checklist");
        Assert.Contains("Markert ferdig av Kari Nordmann 16. nov. 2026 kl. 10:00", page.QuerySelector($"#item-{item.Id}")!.TextContent, StringComparison.Ordinal);

        var reopen = await kari.PostFormAsync(url, new() { ["done"] = "false", ["version"] = V(saved.Version) });
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        var reopened = await ItemAsync(item.Id);
        Assert.Equal((ChecklistStatus.Open, null, null), (reopened.Status, reopened.DoneByName, reopened.DoneUtc));

        // A second click on a page loaded before the reopening changes nothing.
        var stale = await kari.PostFormAsync(url, new() { ["done"] = "true", ["version"] = V(saved.Version) });
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(reopened.Version, (await ItemAsync(item.Id)).Version);
    }

    [Fact]
    public async Task Customer_cannot_mark_the_vendors_item()
    {
        var item = await AddAsync(Gudbrandsdalen, "Leverandøren tester VPN", ResponsibleParty.Vendor);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var response = await kari.PostFormAsync($"/projects/{item.ProjectId}/checklist/{item.Id}/status", new() { ["done"] = "true", ["version"] = V(item.Version) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await ItemAsync(item.Id);
        Assert.Equal((ChecklistStatus.Open, item.Version), (after.Status, after.Version));
        var (_, page) = await kari.GetPageAsync($"/projects/{item.ProjectId}/checklist");
        Assert.Null(page.QuerySelector($"#item-{item.Id} form"));
    }

    [Fact]
    public async Task Another_customers_contact_gets_404_on_the_list_the_item_and_every_post()
    {
        var item = await AddAsync(Gudbrandsdalen, "Tjenestekonto for databasen");
        var other = await AddAsync("Vestland", "Vestlands eget punkt");
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var root = $"/projects/{item.ProjectId}/checklist";

        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync(root)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"{root}/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.PostFormAsync($"{root}/{item.Id}/comments", new() { ["Text"] = "Hei" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.PostFormAsync($"{root}/{item.Id}/status", new() { ["done"] = "true", ["version"] = V(item.Version) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"{root}/{item.Id}/edit")).StatusCode);

        // Kari's own project in the URL, another project's item: still not found.
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"{root}/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"{root}/{other.Id}/status", new() { ["done"] = "true", ["version"] = V(other.Version) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"{root}/{other.Id}/comments", new() { ["Text"] = "Hei" })).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.ChecklistItemId == item.Id || c.ChecklistItemId == other.Id)));
        Assert.Equal(ChecklistStatus.Open, (await ItemAsync(other.Id)).Status);
    }

    [Fact]
    public async Task Comments_are_seen_by_both_sides_with_name_side_and_oslo_time_and_internal_notes_only_by_staff()
    {
        var item = await AddAsync(Gudbrandsdalen, "Oversikt over integrasjoner", category: ChecklistCategory.Other);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        using var lead = await factory.LoginAsync(Demo.Lead);
        var url = $"/projects/{item.ProjectId}/checklist/{item.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await kari.PostFormAsync($"{url}/comments", new() { ["Text"] = "Lista kommer fredag." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{url}/comments", new() { ["Text"] = "Takk, vi venter på den." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{url}/comments", new() { ["Text"] = "Purr om fem dager.", ["Internal"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostFormAsync($"{url}/comments", new() { ["Text"] = "Hemmelig", ["Internal"] = "true" })).StatusCode);

        var (_, seenByLead) = await lead.GetPageAsync(url);
        var leadText = seenByLead.QuerySelector("#comments")!.ParentElement!.TextContent;
        Assert.Contains("Kari Nordmann", leadText, StringComparison.Ordinal);
        Assert.Contains("(kunde)", leadText, StringComparison.Ordinal);
        Assert.Contains("Lista kommer fredag.", leadText, StringComparison.Ordinal);
        Assert.Contains("Purr om fem dager.", leadText, StringComparison.Ordinal);

        var (status, seenByKari) = await kari.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var comments = seenByKari.QuerySelectorAll(".comments li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, comments.Count);
        Assert.Contains("Marte Solberg", comments[1], StringComparison.Ordinal);
        Assert.Contains("(leverandør)", comments[1], StringComparison.Ordinal);
        Assert.Contains("16. nov. 2026 kl. 10:00", comments[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Purr om fem dager", seenByKari.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(seenByKari.QuerySelector("input[name=Internal]"));
        var (_, list) = await kari.GetPageAsync($"/projects/{item.ProjectId}/checklist");
        Assert.Contains("2 kommentarer", list.QuerySelector($"#item-{item.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemmelig", (await factory.WithDbAsync(db => db.Comments.Select(c => c.Text).ToListAsync())), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("", "Kommentar må fylles ut.")]
    [InlineData("   ", "Kommentar må fylles ut.")]
    [InlineData(null, "Kommentar kan ha høyst 4000 tegn.")]
    public async Task An_empty_or_too_long_comment_gets_a_clear_message_and_nothing_is_saved(string? text, string message)
    {
        var item = await AddAsync(Gudbrandsdalen, "Kontaktperson i IT " + message.Length + (text?.Length ?? -1));
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var response = await kari.PostFormAsync($"/projects/{item.ProjectId}/checklist/{item.Id}/comments", new() { ["Text"] = text ?? new string('x', 4001) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#Text-error")!.TextContent.Trim());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.ChecklistItemId == item.Id)));
    }

    [Fact]
    public async Task Two_people_editing_the_same_item_get_a_conflict_and_nothing_is_lost()
    {
        var item = await AddAsync(Gudbrandsdalen, "Administratorkonto", category: ChecklistCategory.Account);
        using var marte = await factory.LoginAsync(Demo.Lead);
        using var siri = await factory.LoginAsync(Demo.CloudCenter);
        var url = $"/projects/{item.ProjectId}/checklist/{item.Id}/edit";
        var (_, form) = await marte.GetPageAsync(url);
        Assert.Equal(V(item.Version), form.QuerySelector("input[name=Version]")!.GetAttribute("value"));

        var first = await marte.PostFormAsync(url, EditFields(item, "Administratorkonto på alle servere"));
        var second = await siri.PostFormAsync(url, EditFields(item, "Administratorkonto (kun app)"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await PortalClient.ParseAsync(second);
        var conflict = page.QuerySelector("#conflict")!.TextContent;
        Assert.Contains("Administratorkonto på alle servere", conflict, StringComparison.Ordinal);
        Assert.Contains("Administratorkonto (kun app)", conflict, StringComparison.Ordinal);
        Assert.Contains(Demo.Lead, conflict, StringComparison.Ordinal);
        Assert.Equal("Administratorkonto på alle servere", (await ItemAsync(item.Id)).Title);
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.Redirect, (await siri.PostFormAsync(url, EditFields(item, "Administratorkonto (kun app)", version: int.Parse(version!, CultureInfo.InvariantCulture)))).StatusCode);
        Assert.Equal("Administratorkonto (kun app)", (await ItemAsync(item.Id)).Title);
    }

    [Fact]
    public async Task Staff_add_change_and_remove_an_item_and_bad_input_is_refused_with_a_message()
    {
        var project = await ProjectIdAsync(Gudbrandsdalen);
        using var lead = await factory.LoginAsync(Demo.Lead);
        var root = $"/projects/{project}/checklist";
        var tromsoContact = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Email == Demo.TromsoContact).Select(c => c.Id).SingleAsync());
        var oystein = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Name == "Øystein Brå").Select(c => c.Id).SingleAsync());
        var fields = new Dictionary<string, string?>
        {
            ["Category"] = "Network", ["Title"] = "Åpning mot eInnsyn", ["Owner"] = "Customer", ["Status"] = "Open", ["Version"] = "0",
            ["OwnerContactId"] = V(tromsoContact), ["Due"] = factory.Today.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        var foreignContact = await lead.PostFormAsync($"{root}/new", fields);
        fields["OwnerContactId"] = V(oystein);
        fields["Title"] = "";
        var noTitle = await lead.PostFormAsync($"{root}/new", fields);
        fields["Title"] = "Åpning mot eInnsyn";
        var ok = await lead.PostFormAsync($"{root}/new", fields);

        Assert.Equal(HttpStatusCode.OK, foreignContact.StatusCode);
        Assert.Equal("Velg en kontaktperson fra listen.", (await PortalClient.ParseAsync(foreignContact)).QuerySelector("#OwnerContactId-error")!.TextContent.Trim());
        Assert.Equal("Punkt må fylles ut.", (await PortalClient.ParseAsync(noTitle)).QuerySelector("#Title-error")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var item = await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Title == "Åpning mot eInnsyn"));
        Assert.Equal((ChecklistCategory.Network, oystein), (item.Category, item.OwnerContactId!.Value));
        var (_, list) = await lead.GetPageAsync(root);
        Assert.Contains("Øystein Brå", list.QuerySelector($"#item-{item.Id}")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{root}/{item.Id}/edit", EditFields(item, status: ChecklistStatus.Done))).StatusCode);
        var done = await ItemAsync(item.Id);
        Assert.Equal((ChecklistStatus.Done, "Marte Solberg"), (done.Status, done.DoneByName));

        await lead.PostFormAsync($"{root}/{item.Id}/comments", new() { ["Text"] = "Ferdig." });
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{root}/{item.Id}/delete", new() { ["version"] = V(item.Version) })).StatusCode);
        Assert.NotNull(await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == item.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{root}/{item.Id}/delete", new() { ["version"] = V(done.Version) })).StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == item.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.ChecklistItemId == item.Id)));
    }

    [Fact]
    public async Task Overdue_customer_items_make_the_project_at_risk_then_late()
    {
        var project = await ProjectIdAsync("Bærum");
        using var lead = await factory.LoginAsync(Demo.Lead);
        async Task<string> BaerumHealthAsync() => (await lead.GetPageAsync($"/projects/{project}")).Document.QuerySelector(".health")!.TextContent.Trim();

        Assert.Equal("I rute", await BaerumHealthAsync());
        await AddAsync("Bærum", "Leverandørens eget punkt", ResponsibleParty.Vendor, -30);
        Assert.Equal("I rute", await BaerumHealthAsync());
        var risk = await AddAsync("Bærum", "Eksport av skjemaene", dueDays: -3, category: ChecklistCategory.Export);
        Assert.Equal("Risiko", await BaerumHealthAsync());
        await AddAsync("Bærum", "Brannmuråpninger", dueDays: -10, category: ChecklistCategory.Network);
        Assert.Equal("Forsinket", await BaerumHealthAsync());

        var (_, dashboard) = await lead.GetPageAsync("/dashboard");
        Assert.Contains("Forsinket", dashboard.QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains("Bærum kommune", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        var (_, list) = await lead.GetPageAsync($"/projects/{project}/checklist");
        Assert.Contains("(forsinket)", list.QuerySelector($"#item-{risk.Id}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customers_home_page_shows_their_open_items_with_the_late_ones_marked()
    {
        var late = await AddAsync(Gudbrandsdalen, "Full sikkerhetskopi av WebSak", dueDays: -2, category: ChecklistCategory.Export);
        var soon = await AddAsync(Gudbrandsdalen, "Kontaktperson hos IT", dueDays: 6, category: ChecklistCategory.Other);
        var vendors = await AddAsync(Gudbrandsdalen, "Leverandøren bekrefter", ResponsibleParty.Vendor, -2);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var (_, home) = await kari.GetPageAsync("/my");

        var items = home.QuerySelectorAll("ul[aria-labelledby^=checklist-] li").Select(li => li.TextContent).ToList();
        var lateLine = Assert.Single(items, i => i.Contains(late.Title, StringComparison.Ordinal));
        Assert.Contains("(forsinket)", lateLine, StringComparison.Ordinal);
        Assert.DoesNotContain("(forsinket)", Assert.Single(items, i => i.Contains(soon.Title, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(items, i => i.Contains(vendors.Title, StringComparison.Ordinal));
        Assert.NotNull(home.QuerySelector($"a[href='/projects/{late.ProjectId}/checklist/{late.Id}']"));
        Assert.NotNull(home.QuerySelector($"a[href='/projects/{late.ProjectId}/checklist']"));
    }
}
