using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using TestEnvironment = MigrationPortal.Web.Domain.TestEnvironment;

namespace MigrationPortal.Tests.Integration;

/// <summary>The test environment register, the customer's findings and the customer's sign-off (issue 7, item 6).</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class TestEnvironmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string BaerumContact = "thomas.gronli@baerum.kommune.example";
    private const string VestlandContact = "ase.kvale@vestlandfylke.example";

    private Task<int> ProjectAsync(string prefix) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());

    private Task<TestEnvironment?> EnvironmentAsync(int projectId) =>
        factory.WithDbAsync(db => db.TestEnvironments.AsNoTracking().Include(e => e.Clients).SingleOrDefaultAsync(e => e.ProjectId == projectId));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, string?> Register(int version, DateOnly? start = null, DateOnly? end = null, string notes = "Test på kopi") => new()
    {
        ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["ProductionCopyDate"] = Day(factory.Today.AddDays(-3)),
        ["TargetVersion"] = "2026.1",
        ["TestStart"] = Day(start ?? factory.Today.AddDays(7)),
        ["TestEnd"] = Day(end ?? factory.Today.AddDays(28)),
        ["Notes"] = notes,
    };

    /// <summary>Gives the project a register with a test period and a step carrying the test sign-off milestone.</summary>
    private Task<int> PrepareSignOffAsync(int projectId, bool withPeriod = true) => factory.WithDbAsync(async db =>
    {
        if (withPeriod)
        {
            db.TestEnvironments.Add(new TestEnvironment { ProjectId = projectId, Version = 1, TestStart = factory.Today.AddDays(-10), TestEnd = factory.Today.AddDays(4) });
        }

        var step = await db.Steps.SingleAsync(s => s.ProjectId == projectId && s.TemplateKey == "setup.testing");
        step.Milestone = MilestoneKind.TestSignOff;
        await db.SaveChangesAsync();
        return step.Id;
    });

    private Task<int> AddFindingAsync(int projectId, FindingSeverity severity, FindingStatus status = FindingStatus.Open) => factory.WithDbAsync(async db =>
    {
        var f = db.TestFindings.Add(new TestFinding
        {
            ProjectId = projectId, Title = $"Funn {Guid.NewGuid():N}", Severity = severity, Status = status, ReportedByName = "Testperson", ReportedUtc = factory.UtcNow,
        }).Entity;
        await db.SaveChangesAsync();
        return f.Id;
    });

    [Fact]
    public async Task Staff_save_the_register_with_its_clients_and_the_customer_sees_it_but_cannot_edit_it()
    {
        var project = await ProjectAsync("Bærum");
        using var lead = await factory.LoginAsync(Demo.Lead2);

        var (formStatus, form) = await lead.GetPageAsync($"/projects/{project}/test/edit");
        Assert.Equal(HttpStatusCode.OK, formStatus);
        Assert.Equal("2026.1", form.QuerySelector("input[name=TargetVersion]")!.GetAttribute("value"));
        var fields = Register(0);
        fields["Clients[0].Name"] = "TS-TEST-01";
        fields["Clients[0].Users"] = "Arkivet";
        fields["Clients[1].Name"] = "TS-TEST-02";
        fields["Clients[1].Users"] = "Byggesak";
        fields["Clients[2].Name"] = string.Empty;
        var saved = await lead.PostFormAsync($"/projects/{project}/test/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var env = await EnvironmentAsync(project);
        Assert.NotNull(env);
        Assert.Equal(factory.Today.AddDays(7), env.TestStart);
        Assert.Equal(factory.Today.AddDays(-3), env.ProductionCopyDate);
        Assert.Equal(["TS-TEST-01", "TS-TEST-02"], env.Clients.OrderBy(c => c.Id).Select(c => c.Name));
        var (_, history) = await lead.GetPageAsync($"/projects/{project}/history");
        Assert.Contains("Testmiljø", history.Body!.TextContent, StringComparison.Ordinal);

        using var customer = await factory.LoginAsync(BaerumContact);
        var (status, page) = await customer.GetPageAsync($"/projects/{project}/test");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("TS-TEST-02", page.QuerySelector("#clients")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Byggesak", page.QuerySelector("#clients")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ingen nedetid", page.QuerySelector("#no-downtime")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("To versjoner kan ikke kjøre på samme klient", page.QuerySelector("#no-downtime")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/projects/{project}/test/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync($"/projects/{project}/test/edit")).StatusCode);
        var refused = await customer.PostFormAsync($"/projects/{project}/test/edit", Register(env.Version, notes: "Kunden endret"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Test på kopi", (await EnvironmentAsync(project))!.Notes);

        // Removing a row deletes that client and keeps the other as it was.
        var first = env.Clients.OrderBy(c => c.Id).First();
        var second = env.Clients.OrderBy(c => c.Id).Last();
        var edit = Register(env.Version);
        edit["Clients[0].Id"] = $"{first.Id}";
        edit["Clients[0].Name"] = first.Name;
        edit["Clients[0].Remove"] = "true";
        edit["Clients[1].Id"] = $"{second.Id}";
        edit["Clients[1].Name"] = second.Name;
        edit["Clients[1].Users"] = "Byggesak og plan";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/test/edit", edit)).StatusCode);
        var after = (await EnvironmentAsync(project))!;
        var left = Assert.Single(after.Clients);
        Assert.Equal((second.Id, "Byggesak og plan"), (left.Id, left.Users));
    }

    [Theory]
    [InlineData("TestStart", "0001-01-01", "må være mellom")]
    [InlineData("TestEnd", "9999-12-31", "må være mellom")]
    [InlineData("ProductionCopyDate", "1999-12-31", "ett år tilbake")]
    [InlineData("TestEnd", "2026-11-01", "kan ikke slutte før den starter")]
    [InlineData("TestStart", "not-a-date", "")]
    public async Task Bad_dates_in_the_register_are_refused_with_a_message_and_nothing_saved(string field, string value, string message)
    {
        var project = await ProjectAsync("Ålesund");
        using var lead = await factory.LoginAsync(Demo.Lead);
        var fields = Register(0, start: new DateOnly(2026, 11, 20), end: new DateOnly(2026, 12, 20));
        fields[field] = value;

        var response = await lead.PostFormAsync($"/projects/{project}/test/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await PortalClient.ParseAsync(response)).QuerySelector($"#{field}-error")!.TextContent;
        Assert.NotEmpty(error.Trim());
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Null(await EnvironmentAsync(project));
    }

    [Fact]
    public async Task A_client_row_without_a_name_and_a_date_far_off_are_explained_in_english_too()
    {
        var project = await ProjectAsync("Ålesund");
        using var lead = await factory.LoginAsync(Demo.Lead);
        await lead.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        var fields = Register(0, start: new DateOnly(1, 1, 1));
        fields["Clients[0].Users"] = "Arkivet";

        var response = await lead.PostFormAsync($"/projects/{project}/test/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("must be between 16 Nov 2025 and 16 Nov 2029: test dates lie from a year back", page.QuerySelector("#TestStart-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Client name in row 1 is required.", page.QuerySelector("#Clients_0__Name-error")!.TextContent);
        Assert.Equal("Clients_0__Name-error", page.QuerySelector("#Clients_0__Name")!.GetAttribute("aria-describedby"));
        Assert.Null(await EnvironmentAsync(project));
    }

    [Fact]
    public async Task Two_people_editing_the_register_at_once_get_a_conflict_and_nothing_is_lost()
    {
        var project = await ProjectAsync("Vefsn");
        using var marte = await factory.LoginAsync(Demo.Lead);
        using var siri = await factory.LoginAsync(Demo.CloudCenter);

        // Both open the empty register; Marte makes it first.
        var created = await marte.PostFormAsync($"/projects/{project}/test/edit", Register(0, notes: "Marte"));
        var late = await siri.PostFormAsync($"/projects/{project}/test/edit", Register(0, notes: "Siri"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Marte", (await PortalClient.ParseAsync(late)).QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        var env = (await EnvironmentAsync(project))!;
        Assert.Equal("Marte", env.Notes);

        // Both edit the same version: the second gets 409 with both values, and the first save stands.
        var first = await marte.PostFormAsync($"/projects/{project}/test/edit", Register(env.Version, notes: "Marte igjen"));
        var second = await siri.PostFormAsync($"/projects/{project}/test/edit", Register(env.Version, notes: "Siri igjen"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await PortalClient.ParseAsync(second);
        var conflict = page.QuerySelector("#conflict")!.TextContent;
        Assert.Contains("Marte igjen", conflict, StringComparison.Ordinal);
        Assert.Contains("Siri igjen", conflict, StringComparison.Ordinal);
        Assert.Equal("Marte igjen", (await EnvironmentAsync(project))!.Notes);

        // The form now carries the saved version, so saving again is a deliberate overwrite.
        var version = int.Parse(page.QuerySelector("input[name=Version]")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await siri.PostFormAsync($"/projects/{project}/test/edit", Register(version, notes: "Siri igjen"))).StatusCode);
        Assert.Equal("Siri igjen", (await EnvironmentAsync(project))!.Notes);
    }

    [Fact]
    public async Task The_customer_reports_a_finding_and_staff_set_its_status()
    {
        var project = await ProjectAsync("Gudbrandsdalen");
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync($"/projects/{project}/test/findings/new")).StatusCode);
        var reported = await kari.PostFormAsync($"/projects/{project}/test/findings/new", new()
        {
            ["Title"] = "Journalposter mangler vedlegg", ["Description"] = "Vedlegg fra 2019 vises ikke.", ["Severity"] = "High",
        });

        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var finding = await factory.WithDbAsync(db => db.TestFindings.AsNoTracking().SingleAsync(f => f.Title == "Journalposter mangler vedlegg"));
        Assert.Equal((project, FindingSeverity.High, FindingStatus.Open, "Kari Nordmann", factory.UtcNow), (finding.ProjectId, finding.Severity, finding.Status, finding.ReportedByName, finding.ReportedUtc));
        var (_, page) = await kari.GetPageAsync($"/projects/{project}/test");
        var row = page.QuerySelector($"#finding-{finding.Id}")!.TextContent;
        Assert.Contains("Journalposter mangler vedlegg", row, StringComparison.Ordinal);
        Assert.Contains("Åpen", row, StringComparison.Ordinal);
        Assert.Contains("Høy", row, StringComparison.Ordinal);

        // The customer may not set the status; staff may.
        Dictionary<string, string?> Status(string status, int version) => new() { ["Status"] = status, ["Resolution"] = "Rettet i konverteringen.", ["Version"] = $"{version}" };
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostFormAsync($"/projects/{project}/test/findings/{finding.Id}/edit", Status("Closed", finding.Version))).StatusCode);
        using var lead = await factory.LoginAsync(Demo.Lead);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/test/findings/{finding.Id}/edit", Status("Fixed", finding.Version))).StatusCode);
        var fixedOne = await factory.WithDbAsync(db => db.TestFindings.AsNoTracking().SingleAsync(f => f.Id == finding.Id));
        Assert.Equal((FindingStatus.Fixed, "Rettet i konverteringen."), (fixedOne.Status, fixedOne.Resolution));
        (_, page) = await kari.GetPageAsync($"/projects/{project}/test");
        Assert.Contains("Rettet i konverteringen.", page.QuerySelector($"#finding-{finding.Id}")!.TextContent, StringComparison.Ordinal);

        // A finding without a title is refused with a message.
        var bad = await kari.PostFormAsync($"/projects/{project}/test/findings/new", new() { ["Title"] = " ", ["Severity"] = "Low" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("må fylles ut", (await PortalClient.ParseAsync(bad)).QuerySelector("#Title-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_off_records_who_when_and_remarks_marks_the_milestone_done_and_cannot_be_repeated()
    {
        var project = await ProjectAsync("Vestland");
        var stepId = await PrepareSignOffAsync(project);
        await AddFindingAsync(project, FindingSeverity.High, FindingStatus.Fixed);
        await AddFindingAsync(project, FindingSeverity.Low);
        using var ase = await factory.LoginAsync(VestlandContact);

        var (status, form) = await ase.GetPageAsync($"/projects/{project}/test/signoff");
        Assert.Equal(HttpStatusCode.OK, status);
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value");
        var signed = await ase.PostFormAsync($"/projects/{project}/test/signoff", new() { ["Version"] = version, ["Remarks"] = "Alt ser bra ut." });

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var env = (await EnvironmentAsync(project))!;
        var contact = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Email == VestlandContact));
        Assert.Equal((factory.UtcNow, contact.Id, "Åse Kvåle", "Alt ser bra ut."), (env.SignedOffUtc, env.SignedOffByContactId, env.SignedOffByName, env.SignOffRemarks));
        var step = await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == stepId));
        Assert.Equal((StepStatus.Done, factory.UtcNow), (step.Status, step.CompletedUtc));

        // Shown in Oslo time: 09:00 UTC in November is 10:00 in Oslo.
        var (_, page) = await ase.GetPageAsync($"/projects/{project}/test");
        var shown = page.QuerySelector("#signed-off")!.TextContent;
        Assert.Contains("Åse Kvåle", shown, StringComparison.Ordinal);
        Assert.Contains("kl. 10:00", shown, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/projects/{project}/test/signoff']"));

        // Once only.
        var again = await ase.PostFormAsync($"/projects/{project}/test/signoff", new() { ["Version"] = $"{env.Version}", ["Remarks"] = "En gang til" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (_, refusedPage) = await ase.GetPageAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("allerede godkjent", refusedPage.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Alt ser bra ut.", (await EnvironmentAsync(project))!.SignOffRemarks);
    }

    [Fact]
    public async Task Sign_off_is_refused_before_a_test_period_is_set_while_a_high_finding_is_open_and_for_staff()
    {
        var project = await ProjectAsync("Gudbrandsdalen");
        var stepId = await PrepareSignOffAsync(project, withPeriod: false);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var noPeriod = await kari.PostFormAsync($"/projects/{project}/test/signoff", new() { ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, noPeriod.StatusCode);
        var (_, page) = await kari.GetPageAsync(noPeriod.Headers.Location!.OriginalString);
        Assert.Contains("før testperioden er fastsatt", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            db.TestEnvironments.Add(new TestEnvironment { ProjectId = project, Version = 1, TestStart = factory.Today.AddDays(-5) });
            return await db.SaveChangesAsync();
        });
        var high = await AddFindingAsync(project, FindingSeverity.High);
        var blocked = await kari.PostFormAsync($"/projects/{project}/test/signoff", new() { ["Version"] = "1", ["Remarks"] = "Godkjent" });
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        (_, page) = await kari.GetPageAsync(blocked.Headers.Location!.OriginalString);
        Assert.Contains("høy alvorlighetsgrad fortsatt er åpne", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("høy alvorlighetsgrad", page.QuerySelector("#signoff-blocked")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await kari.GetAsync($"/projects/{project}/test/signoff")).StatusCode);

        // Staff take part in the project but do not sign off for the customer.
        using var lead = await factory.LoginAsync(Demo.Lead);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostFormAsync($"/projects/{project}/test/signoff", new() { ["Version"] = "1" })).StatusCode);

        Assert.Null((await EnvironmentAsync(project))!.SignedOffUtc);
        Assert.NotEqual(StepStatus.Done, (await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == stepId))).Status);
        Assert.True(await factory.WithDbAsync(db => db.TestFindings.AnyAsync(f => f.Id == high && f.Status == FindingStatus.Open)));
    }

    [Fact]
    public async Task Another_customers_contact_gets_404_on_every_page_and_post()
    {
        var project = await ProjectAsync("Gudbrandsdalen");
        var finding = await AddFindingAsync(project, FindingSeverity.Low);
        using var per = await factory.LoginAsync(Demo.TromsoContact);

        foreach (var url in new[] { "test", "test/edit", "test/findings/new", $"test/findings/{finding}/edit", "test/signoff" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{project}/{url}")).StatusCode);
        }

        var posts = new Dictionary<string, Dictionary<string, string?>>
        {
            ["test/edit"] = Register(0, notes: "Fra Tromsø"),
            ["test/findings/new"] = new() { ["Title"] = "Fra Tromsø", ["Severity"] = "High" },
            [$"test/findings/{finding}/edit"] = new() { ["Status"] = "Closed", ["Version"] = "0" },
            ["test/signoff"] = new() { ["Version"] = "0", ["Remarks"] = "Fra Tromsø" },
        };
        foreach (var (url, fields) in posts)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await per.PostFormAsync($"/projects/{project}/{url}", fields)).StatusCode);
        }

        Assert.False(await factory.WithDbAsync(db => db.TestFindings.AnyAsync(f => f.Title == "Fra Tromsø")));
        Assert.True(await factory.WithDbAsync(db => db.TestFindings.AnyAsync(f => f.Id == finding && f.Status == FindingStatus.Open)));
        Assert.False(await factory.WithDbAsync(db => db.TestEnvironments.AnyAsync(e => e.Notes == "Fra Tromsø" || e.SignOffRemarks == "Fra Tromsø")));

        // A finding of another project is not found through this project's URL, even for staff.
        var other = await AddFindingAsync(await ProjectAsync("Bærum"), FindingSeverity.Low);
        using var lead = await factory.LoginAsync(Demo.Lead);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/projects/{project}/test/findings/{other}/edit")).StatusCode);
    }
}
