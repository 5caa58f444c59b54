using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Input;

/// <summary>
/// Two people, one record, every edit form of the portal: both open the form on the same version, the first saves, the
/// second gets 409 with the conflict (who saved, and each changed field's saved value beside their own), keeps what they
/// typed, and changes nothing; saving again from the conflict page is then a deliberate overwrite. The table must name
/// every <see cref="Versioned"/> entity of the model, or say which other test proves its conflict.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class ConcurrentEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>An edit form (a row of <see cref="FormInputTests"/> or its own), the entity it saves, the field both people change and two values for it.</summary>
    /// <summary><see cref="Create"/> names a form of <see cref="FormInputTests"/> that first makes the row where the demo data has none.</summary>
    public sealed record EditCase(FormCase Form, Type Entity, string Field, string First, string Second, string? SecondLogin = null, string? Create = null)
    {
        public override string ToString() => Form.Name;
    }

    private static FormCase Form(string name) => FormInputTests.Cases.Single(c => c.Name == name);

    private static IEnumerable<EditCase> Cases =>
    [
        new(Form("customer-edit"), typeof(Customer), "Name", "Sør-Varanger kommune (A)", "Sør-Varanger kommune (B)"),
        new(Form("contact-edit"), typeof(Contact), "Name", "Per Hansen A", "Per Hansen B"),
        new(Form("project-edit"), typeof(Project), "Name", "Bærum: skjemaverktøy A", "Bærum: skjemaverktøy B", Demo.Lead),
        new(Form("step-edit"), typeof(Step), "Status", "Blocked", "NotApplicable", Demo.CloudCenter),
        new(Form("meeting-edit"), typeof(Meeting), "Title", "Oppstartsmøte A", "Oppstartsmøte B"),
        new(Form("offer-edit"), typeof(OfferRevision), "Summary", "Sammendrag fra A", "Sammendrag fra B"),
        new(Form("lead-edit"), typeof(Lead), "Notes", "Notat fra A", "Notat fra B"),
        new(Form("mapping"), typeof(MappingQuestionnaire), "Needs", "Sak og arkiv i sky (A)", "Sak og arkiv i sky (B)"),
        new(Form("checklist-edit"), typeof(ChecklistItem), "Title", "Sjekkpunkt A", "Sjekkpunkt B"),
        new(Form("test-environment"), typeof(Web.Domain.TestEnvironment), "Notes", "Testmiljøet er klart (A)", "Testmiljøet er klart (B)"),
        new(new("finding-edit", Demo.Lead, async db => await db.TestFindings.Where(f => db.Projects.Any(p => p.Id == f.ProjectId && p.Name.StartsWith("Gudbrandsdalen"))).OrderBy(f => f.Id).Select(f => $"/projects/{f.ProjectId}/test/findings/{f.Id}/edit").FirstAsync()),
            typeof(TestFinding), "Status", "Fixed", "Closed", Create: "finding-new"),
        new(new("training-edit", Demo.Lead, async db => await db.TrainingSessions.Where(t => db.Projects.Any(p => p.Id == t.ProjectId && p.Name.StartsWith("Gudbrandsdalen"))).OrderBy(t => t.Id).Select(t => $"/projects/{t.ProjectId}/training/{t.Id}/edit").FirstAsync()),
            typeof(TrainingSession), "Title", "Superbrukerkurs A", "Superbrukerkurs B", Create: "training-new"),
        new(Form("release-edit"), typeof(UpgradeRelease), "Description", "Vårversjonen A", "Vårversjonen B"),
        new(Form("event-edit"), typeof(PortalEvent), "Title", "Brukerseminar A", "Brukerseminar B"),
        new(Form("news-edit"), typeof(CloudNewsItem), "Title", "Nyhet fra A", "Nyhet fra B"),
        new(Form("customer-centre"), typeof(VendorSettings), "CustomerCentrePhone", "+47 22 00 00 01", "+47 22 00 00 02"),
        new(Form("product-edit"), typeof(Product), "Name", "WebSak A", "WebSak B"),
        new(Form("template-edit"), typeof(StepTemplate), "Title", "Mal fra A", "Mal fra B"),
    ];

    /// <summary>Versioned entities no form above edits, and the test that proves their conflict where a person can cause one.</summary>
    private static readonly Dictionary<Type, string> ProvedElsewhere = new()
    {
        [typeof(Offer)] = "the offer itself is only written by the system as its revisions are sent and decided (OfferFlowTests)",
        [typeof(CloudQueueEntry)] = "moved and started by buttons carrying the version (QueueTests)",
        [typeof(MeetingRequest)] = "answered by the cloud centre with the version (CloudCentreTests)",
        [typeof(EventRegistration)] = "registered and cancelled by the customer with the version (EventTests)",
    };

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Form.Name)];

    [Fact]
    public void Every_versioned_entity_is_in_the_table_or_proved_elsewhere()
    {
        using var db = new SqlitePortalDbFactory().CreateDbContext([]);
        var versioned = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(Versioned).IsAssignableFrom).ToHashSet();

        var covered = Cases.Select(c => c.Entity).Concat(ProvedElsewhere.Keys).ToHashSet();

        Assert.Empty(versioned.Except(covered).Select(t => t.Name));
        Assert.Empty(covered.Except(versioned).Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_second_writer_gets_a_conflict_with_both_values_and_nothing_is_lost(string name)
    {
        var edit = Cases.Single(c => c.Form.Name == name);
        if (edit.Create is not null)
        {
            var create = Form(edit.Create);
            using var creator = await factory.LoginAsync(create.Login!);
            var maker = new FormProbe(factory, creator, create);
            var (action, fields, token) = await maker.ReadFormAsync();
            Assert.True((int)(await maker.PostAsync(action, fields, token, replaced: string.Empty, probe: null)).StatusCode is 302 or 303, $"{edit.Create} did not save");
        }

        using var first = await factory.LoginAsync(edit.Form.Login!);
        using var second = await factory.LoginAsync(edit.SecondLogin ?? edit.Form.Login!);
        var a = new FormProbe(factory, first, edit.Form);
        var b = new FormProbe(factory, second, edit.Form);
        var (actionA, fieldsA, tokenA) = await a.ReadFormAsync();
        var (actionB, fieldsB, tokenB) = await b.ReadFormAsync();
        Assert.Contains(fieldsA, f => f.Name == edit.Field);
        Assert.Contains(fieldsA, f => f.Name == "Version");
        Assert.DoesNotContain(edit.First, fieldsA.Single(f => f.Name == edit.Field).Values); // the first save changes something

        var saved = await a.PostAsync(actionA, fieldsA, tokenA, edit.Field, new Probe("first", edit.First, null));
        Assert.True((int)saved.StatusCode is 302 or 303, $"the first save answered {(int)saved.StatusCode}");
        var before = await b.FingerprintAsync();
        var refused = await b.PostAsync(actionB, fieldsB, tokenB, edit.Field, new Probe("second", edit.Second, null));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await b.FingerprintAsync());
        var page = await PortalClient.ParseAsync(refused);
        var conflict = page.GetElementById("conflict")?.TextContent ?? string.Empty;
        Assert.True(conflict.Contains(edit.Form.Login!, StringComparison.Ordinal), $"the conflict does not name {edit.Form.Login}: {conflict.Trim()}");
        var row = page.QuerySelectorAll("#conflict tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).Where(r => r.Count == 2).ToList();
        Assert.True(row.Count > 0, $"the conflict names no field: {conflict.Trim()}");
        Assert.True(row.Any(r => r[0] != r[1]), "the conflict shows no field whose values differ");
        Assert.Equal(Shown(page, edit.Field), edit.Second);
        Assert.Equal(edit.First, await StoredAsync(a, edit.Field));

        // The page now carries the saved version: saving it again is a deliberate overwrite.
        var form = (IHtmlFormElement)page.QuerySelector(edit.Form.Form)!;
        var again = await b.PostAsync(actionB, FormProbe.Fields(form), tokenB, replaced: string.Empty, probe: null);
        Assert.True((int)again.StatusCode is 302 or 303, $"the deliberate overwrite answered {(int)again.StatusCode}");
        Assert.Equal(edit.Second, await StoredAsync(b, edit.Field));
    }

    /// <summary>The value the form shows for <paramref name="field"/>.</summary>
    private static string? Shown(AngleSharp.Dom.IDocument page, string field) => page.QuerySelector($"main form [name='{field}']") switch
    {
        IHtmlTextAreaElement t => t.Value,
        IHtmlSelectElement s => s.Value,
        IHtmlInputElement i => i.Value,
        _ => null,
    };

    /// <summary>What the form holds when it is opened again: what the database has.</summary>
    private static async Task<string?> StoredAsync(FormProbe probe, string field)
    {
        var (_, fields, _) = await probe.ReadFormAsync();
        return fields.Single(f => f.Name == field).Values.Single();
    }
}
