using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Input;

/// <summary>
/// Every form of the portal, every field in it (read from the page, so a new field is probed too), fed what people and
/// attackers type: nothing, 100,000 characters, control characters with a NUL, right-to-left text with an override,
/// emoji with joiners, decomposed and Sámi letters, invalid UTF-8, malformed numbers, dates and times, and ids that do
/// not exist. <see cref="FormProbe"/> posts each one and checks the outcome; a row fails with every problem it found.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class FormInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Alesund = "ragnhild.stromme@alesund.kommune.example";

    /// <summary>100,000 UTF-16 code units of letters, spaces and emoji (an emoji is two), ending on a whole character.</summary>
    private static readonly string Huge = string.Concat(Enumerable.Repeat("Ærlig talt 🙂 ", 7_200))[..99_999] + "!";

    public static TheoryData<string> Forms() => [.. Cases.Select(c => c.Name)];

    internal static IEnumerable<FormCase> Cases =>
    [
        new("customer-new", Demo.Admin, _ => Task.FromResult("/customers/new"), Fill: n => new() { ["Name"] = $"Testkommune {n}", ["OrgNumber"] = Org(n) }),
        new("customer-edit", Demo.Admin, async db => $"/customers/{await db.Customers.Where(c => c.OrgNumber == "933401006").Select(c => c.Id).SingleAsync()}/edit", Fill: _ => new() { ["InstalledProductIds"] = "1" }, Reread: true),
        new("contact-new", Demo.Admin, async db => $"/customers/{await Customer(db, "Tromsø")}/contacts/new", Fill: n => new() { ["Name"] = $"Kontakt {n}", ["Email"] = $"kontakt{n}@tromso.kommune.example" }),
        new("contact-edit", Demo.Admin, async db => await db.Contacts.Where(c => c.Email == Demo.TromsoContact).Select(c => $"/customers/{c.CustomerId}/contacts/{c.Id}/edit").SingleAsync(), Reread: true),
        new("project-new", Demo.Lead, _ => Task.FromResult("/projects/new"), Fill: n => new() { ["Name"] = $"Testprosjekt {n}", ["CustomerIds"] = "1", ["ProductIds"] = "1" }),
        new("project-edit", Demo.Lead2, async db => $"/projects/{await db.Projects.Where(p => p.Customers.Any(c => c.Customer!.OrgNumber == "988111007")).Select(p => p.Id).SingleAsync()}/edit", Reread: true),
        new("step-edit", Demo.Lead, async db => await db.Steps.Where(s => s.Project!.Name.StartsWith("Gudbrandsdalen") && s.TemplateKey == "setup.servers").Select(s => $"/projects/{s.ProjectId}/steps/{s.Id}/edit").SingleAsync(), Reread: true),
        new("step-comment", Demo.SorFronContact, async db => await db.Steps.Where(s => s.Project!.Name.StartsWith("Gudbrandsdalen") && s.TemplateKey == PlanKeys.Access).Select(s => $"/projects/{s.ProjectId}/steps/{s.Id}").SingleAsync(), Form: "form[action$='/comments']", Fill: n => new() { ["Text"] = $"Kommentar {n}" }),
        new("meeting-new", Demo.Lead, async db => $"/projects/{await Project(db, "Gudbrandsdalen")}/meetings/new", Fill: _ => new() { ["Kind"] = "Other", ["Title"] = "Arbeidsmøte", ["Date"] = "2026-11-25", ["Start"] = "10:00", ["End"] = "11:00" }),
        new("meeting-edit", Demo.Lead, async db => await db.Meetings.Where(m => m.Project!.Name.StartsWith("Gudbrandsdalen") && m.Kind == MeetingKind.Kickoff).Select(m => $"/projects/{m.ProjectId}/meetings/{m.Id}/edit").FirstAsync(), Reread: true),
        new("offer-edit", Demo.Sales, async db => await db.OfferRevisions.Where(r => r.Offer!.Project!.Name.StartsWith("Kystverket") && r.Status == OfferStatus.Draft).Select(r => $"/offers/{r.Id}/edit").SingleAsync(), Reread: true),
        new("lead-new", Demo.Sales, _ => Task.FromResult("/leads/new"), Fill: n => new() { ["NewCustomerName"] = $"Leadkommune {n}", ["NewCustomerOrgNumber"] = Org(1000 + n), ["ProductIds"] = "1" }),
        new("lead-edit", Demo.Sales, async db => $"/leads/{await db.Leads.Where(l => l.TenderReference == "2026-448812").Select(l => l.Id).SingleAsync()}", Reread: true,
            Skip: ["NewCustomerName", "NewCustomerOrgNumber", "NewCustomerType"]), // read only when the lead brings a new customer

        new("mapping", Demo.Sales, async db => $"/projects/{await Project(db, "Kystverket")}/mapping", Reread: true),
        new("checklist-new", Demo.Lead, async db => $"/projects/{await Project(db, "Gudbrandsdalen")}/checklist/new", Fill: n => new() { ["Title"] = $"Brannmuråpning {n}" }),
        new("checklist-edit", Demo.Lead, async db => await db.ChecklistItems.Where(i => i.Project!.Name.StartsWith("Gudbrandsdalen")).OrderBy(i => i.Id).Select(i => $"/projects/{i.ProjectId}/checklist/{i.Id}/edit").FirstAsync(), Reread: true),
        new("checklist-comment", Demo.SorFronContact, async db => await db.ChecklistItems.Where(i => i.Project!.Name.StartsWith("Gudbrandsdalen")).OrderBy(i => i.Id).Select(i => $"/projects/{i.ProjectId}/checklist/{i.Id}").FirstAsync(), Form: "form[action$='/comments']", Fill: n => new() { ["Text"] = $"Kommentar {n}" }),
        new("test-environment", Demo.Lead, async db => $"/projects/{await Project(db, "Gudbrandsdalen")}/test/edit", Reread: true),
        new("finding-new", Demo.SorFronContact, async db => $"/projects/{await Project(db, "Gudbrandsdalen")}/test/findings/new", Fill: n => new() { ["Title"] = $"Vedlegg mangler {n}" }),
        new("training-new", Demo.Lead, async db => $"/projects/{await Project(db, "Gudbrandsdalen")}/training/new", Fill: n => new() { ["Title"] = $"Kurs {n}", ["Date"] = "2026-12-08", ["Time"] = "09:00" }),
        new("cutover", Demo.Lead2, async db => $"/projects/{await Project(db, "Bærum")}/golive/cutover", Fill: _ => new() { ["StartDate"] = "2026-12-05", ["StartTime"] = "08:00", ["EndDate"] = "2026-12-06", ["EndTime"] = "20:00" }),
        new("release-new", Demo.CloudCenter, _ => Task.FromResult("/upgrades/new"), Fill: n => new() { ["ProductId"] = "1", ["ProductVersion"] = $"2027.{n}", ["PlannedDate"] = "2027-02-10" }),
        new("release-edit", Demo.CloudCenter, async db => $"/upgrades/{await db.UpgradeReleases.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()}/edit", Reread: true),
        new("event-new", Demo.CloudCenter, _ => Task.FromResult("/events/new"), Fill: n => new() { ["Title"] = $"Fagdag {n}", ["Date"] = "2027-01-20", ["Start"] = "09:00", ["End"] = "15:00", ["Capacity"] = "40" }),
        new("event-edit", Demo.CloudCenter, async db => $"/events/{await db.Events.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()}/edit", Reread: true),
        new("news-new", Demo.CloudCenter, _ => Task.FromResult("/cloud/news/new"), Fill: n => new() { ["Title"] = $"Nyhet {n}", ["Markdown"] = "Tekst." }),
        new("news-edit", Demo.CloudCenter, async db => $"/cloud/news/{await db.CloudNews.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()}/edit", Reread: true),
        new("customer-centre", Demo.CloudCenter, _ => Task.FromResult("/cloud/customer-centre"), Reread: true),
        new("user-new", Demo.Admin, _ => Task.FromResult("/admin/users/new"), Fill: n => new() { ["DisplayName"] = $"Ny Bruker {n}", ["Email"] = $"ny{n}@leverandor.example", ["Role"] = "Sales" }),
        new("user-edit", Demo.Admin, async db => $"/admin/users/{await db.Users.Where(u => u.Email == Demo.Lead2).Select(u => u.Id).SingleAsync()}", Reread: true),
        new("product-new", Demo.Admin, _ => Task.FromResult("/admin/products/new"), Fill: n => new() { ["Name"] = $"Produkt {n}", ["Code"] = $"produkt{n}" }),
        new("product-edit", Demo.Admin, async db => $"/admin/products/{await db.Products.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()}", Reread: true),
        new("template-new", Demo.Admin, async db => $"/admin/products/{await db.Products.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()}/templates/new", Fill: n => new() { ["Title"] = $"Mal {n}", ["Key"] = $"setup.mal{n}" }),
        new("template-edit", Demo.Admin, async db => await db.StepTemplates.OrderBy(t => t.Id).Select(t => $"/admin/products/{t.ProductId}/templates/{t.Id}").FirstAsync(), Reread: true),
        new("notifications", Demo.Lead, _ => Task.FromResult("/account/notifications")),
        new("forgot-password", null, _ => Task.FromResult("/account/forgot-password"), Fill: _ => new() { ["Email"] = "ingen@example.no" }, SavedPage: "main p[role=status]"),
        new("queue-capacity", Demo.Admin, _ => Task.FromResult("/queue"), Form: "form[action$='/capacity']", ErrorAfterRedirect: "main .alert-danger"),
        new("meeting-request", Alesund, async db => $"/operations/{await Project(db, "Ålesund")}/meeting-requests/new", Fill: _ => new() { ["Topic"] = "Gjennomgang", ["PreferredDate"] = "2026-12-02" }),
    ];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Every_field_takes_what_people_type_without_a_500_or_a_lost_form(string name)
    {
        var form = Cases.Single(c => c.Name == name);
        using var client = form.Login is null ? factory.Client() : await factory.LoginAsync(form.Login);

        var problems = await new FormProbe(factory, client, form).RunAsync(Probes);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // The probes above rename what they edit: rows are found by what no probe changes (an organisation number, an e-mail).

    /// <summary>A form read from the user's own page, posted to another customer's or a missing id (<c>Url</c>), or with an id field naming another customer's row.</summary>
    public static TheoryData<string, string?, string, int> ForeignIds() => new()
    {
        { "step-comment", null, "tromsø-step-comments", 404 },
        { "finding-new", null, "tromsø-finding-new", 404 },
        { "step-edit", null, "step-of-another-project", 404 },
        { "contact-edit", null, "contact-of-another-customer", 404 },
        { "project-edit", null, "missing-project", 404 },
        { "meeting-new", "ContactIds", "tromsø-contact", 200 },
        { "checklist-new", "OwnerContactId", "tromsø-contact", 200 },
    };

    [Theory]
    [MemberData(nameof(ForeignIds))]
    public async Task An_id_that_does_not_exist_or_is_another_customers_changes_nothing(string name, string? field, string target, int status)
    {
        var form = Cases.Single(c => c.Name == name);
        var foreign = await factory.WithDbAsync(async db => target switch
        {
            "tromsø-step-comments" => await db.Steps.Where(s => s.Project!.Name.StartsWith("Tromsø") && s.CustomerVisible).Select(s => $"/projects/{s.ProjectId}/steps/{s.Id}/comments").FirstAsync(),
            "tromsø-finding-new" => $"/projects/{await Project(db, "Tromsø")}/test/findings/new",
            "step-of-another-project" => await db.Steps.Where(s => s.Project!.Name.StartsWith("Tromsø")).Select(s => $"/projects/{{0}}/steps/{s.Id}/edit").FirstAsync(),
            "contact-of-another-customer" => await db.Contacts.Where(c => c.Email == Demo.SorFronContact).Select(c => $"/customers/{{0}}/contacts/{c.Id}/edit").SingleAsync(),
            "missing-project" => "/projects/999999/edit",
            _ => $"{await db.Contacts.Where(c => c.Email == Demo.TromsoContact).Select(c => c.Id).SingleAsync()}",
        });
        using var client = await factory.LoginAsync(form.Login!);
        var probe = new FormProbe(factory, client, form);
        var (action, fields, token) = await probe.ReadFormAsync();
        var before = await probe.FingerprintAsync();

        // {0}: the id of the user's own project or customer, from the form's own address.
        var url = field is null ? string.Format(CultureInfo.InvariantCulture, foreign, action.Split('/')[2]) : action;
        var response = await probe.PostAsync(url, fields, token, field ?? string.Empty, field is null ? null : new Probe("foreign", foreign, null));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(before, await probe.FingerprintAsync());
        if (field is not null)
        {
            Assert.NotNull((await PortalClient.ParseAsync(response)).GetElementById(field + "-error"));
        }
    }

    [Theory]
    [InlineData("customer-new", "OrgNumber", "123 456 785")]
    [InlineData("customer-new", "OrgNumber", "700113450")]
    [InlineData("lead-new", "NewCustomerOrgNumber", "210 430 563")]
    public async Task An_organisation_number_that_passes_mod11_but_cannot_exist_is_refused_beside_the_field(string name, string field, string number)
    {
        var form = Cases.Single(c => c.Name == name);
        using var client = await factory.LoginAsync(form.Login!);
        var probe = new FormProbe(factory, client, form);
        var (action, fields, token) = await probe.ReadFormAsync();
        var before = await probe.FingerprintAsync();

        var response = await probe.PostAsync(action, fields, token, field, new Probe("impossible", number, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("begynner alltid med 8 eller 9", page.GetElementById(field + "-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(number, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector($"[name={field}]")!).Value);
        Assert.Equal(before, await probe.FingerprintAsync());
    }

    /// <summary>What each kind of field is fed.</summary>
    private static IEnumerable<Probe> Probes(FormField field) => field.Kind switch
    {
        FieldKind.Text or FieldKind.MultilineText =>
        [
            new("empty", string.Empty, string.Empty),
            new("100 000 characters", Huge, Huge),
            new("control characters", "Nord\0-Fron\u0001\u001B[1m\u007F\u0085\u009B kommune\tved\r\nelva", "Nord-Fron[1m kommune ved elva", "Nord-Fron[1m kommune\tved\r\nelva"),
            new("right-to-left", "Ålesund \u202Eשלום עולם\u202C مرحبا بكم", "Ålesund \u202Eשלום עולם\u202C مرحبا بكم"),
            new("emoji", "Team 👩‍💻 👨‍👩‍👧‍👦 🇳🇴 ❤️", "Team 👩‍💻 👨‍👩‍👧‍👦 🇳🇴 ❤️"),
            new("decomposed and Sámi", "Va\u030Aga\u030A Guovdageaidnu ŋŧđčšžá", "Vågå Guovdageaidnu ŋŧđčšžá"),
            new("invalid UTF-8", "Nord%ED%A0%80Fron%C3", null, Raw: true),
        ],
        FieldKind.WholeNumber or FieldKind.Money =>
        [
            new("empty", string.Empty, null),
            new("1,2,3", "1,2,3", null, MaySave: false),
            new("1e309", "1e309", null, MaySave: false),
            new("NaN", "NaN", null, MaySave: false),
            new("-0", "-0", null),
            new("24 digits", "999999999999999999999999", null),
            new("NUL inside", "4\02", null),
        ],
        FieldKind.Date =>
        [
            new("empty", string.Empty, null),
            new("31.02.2026", "31.02.2026", null, MaySave: false),
            new("2026-13-01", "2026-13-01", null, MaySave: false),
            new("2026-02-29", "2026-02-29", null, MaySave: false),
            new("i morgen", "i morgen", null, MaySave: false),
            new("year 9999", "9999-12-31", null, AnyField: true),
        ],
        FieldKind.Time => [new("25:61", "25:61", null, MaySave: false), new("i morgen", "i morgen", null, MaySave: false), new("empty", string.Empty, null)],
        FieldKind.Month => [new("2026-13", "2026-13", null, MaySave: false), new("i morgen", "i morgen", null, MaySave: false)],
        FieldKind.Choice => [new("unknown", "Ukjent", null, MaySave: false), new("999", "999", null, MaySave: false), new("-1", "-1", null, MaySave: false)],
        FieldKind.Id => [new("none", string.Empty, null), new("0", "0", null, MaySave: false), new("does not exist", "999999", null, MaySave: false), new("not a number", "abc", null, MaySave: false)],
        FieldKind.Bool => [new("kanskje", "kanskje", null, MaySave: false)],
        _ => [new("not a number", "abc", null), new("does not exist", "999999", null)],
    };

    private static Task<int> Project(PortalDb db, string name) => db.Projects.Where(p => p.Name.StartsWith(name)).Select(p => p.Id).SingleAsync();

    private static Task<int> Customer(PortalDb db, string name) => db.Customers.Where(c => c.Name.StartsWith(name)).Select(c => c.Id).SingleAsync();

    /// <summary>A valid organisation number no demo customer has: 97 and six digits, with its check digit.</summary>
    private static string Org(int n)
    {
        for (var i = n; ; i += 7919)
        {
            var first = $"97{i % 1_000_000:D6}";
            if (OrgNumber.CheckDigit(first) is { } check)
            {
                return first + check;
            }
        }
    }
}
