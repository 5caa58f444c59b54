using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Tests.Offers;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// The shared pieces every screen is built on (ADR 0007), tried through screens other than the step editor: the
/// conflict panel with both values on any form, ids taken from the URL only, a hidden part answering 404 before a
/// 403, and messages whose arguments are shown as typed.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class SharedPathTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string?> CustomerFields(Web.Domain.Customer c, string city, int version) => new()
    {
        ["Name"] = c.Name, ["OrgNumber"] = c.OrgNumber, ["Type"] = c.Type.ToString(), ["City"] = city,
        ["PreferredLanguage"] = c.PreferredLanguage, ["Version"] = version.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_customer_edited_by_two_people_shows_both_values_and_the_second_can_overwrite_deliberately()
    {
        var customer = await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Name == "Ringebu kommune"));
        using var sales = await factory.LoginAsync(Demo.Sales);
        using var lead = await factory.LoginAsync(Demo.Lead);

        var first = await sales.PostFormAsync($"/customers/{customer.Id}/edit", CustomerFields(customer, "Fåvang", customer.Version));
        var second = await lead.PostFormAsync($"/customers/{customer.Id}/edit", CustomerFields(customer, "Vålebru", customer.Version));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await PortalClient.ParseAsync(second);
        var conflict = page.QuerySelector("#conflict")!.TextContent;
        Assert.Contains(Demo.Sales, conflict, StringComparison.Ordinal);
        Assert.Contains("Fåvang", conflict, StringComparison.Ordinal);
        Assert.Contains("Vålebru", conflict, StringComparison.Ordinal);
        Assert.Equal("Fåvang", (await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id))).City);

        var saved = int.Parse(page.QuerySelector("input[name=Version]")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        var again = await lead.PostFormAsync($"/customers/{customer.Id}/edit", CustomerFields(customer, "Vålebru", saved));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Vålebru", (await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id))).City);
    }

    [Fact]
    public async Task An_id_in_the_posted_form_cannot_point_an_edit_at_another_row_than_its_url()
    {
        var (target, other) = await factory.WithDbAsync(async db => (
            await db.Customers.AsNoTracking().SingleAsync(c => c.Name == "Sør-Fron kommune"),
            await db.Customers.AsNoTracking().SingleAsync(c => c.Name == "Hægebostad kommune")));
        using var sales = await factory.LoginAsync(Demo.Sales);
        var fields = CustomerFields(target, "Hundorp", target.Version);
        fields["Id"] = other.Id.ToString(CultureInfo.InvariantCulture);

        var response = await sales.PostFormAsync($"/customers/{target.Id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/customers/{target.Id}", response.Headers.Location!.ToString());
        var (afterTarget, afterOther) = await factory.WithDbAsync(async db => (
            await db.Customers.AsNoTracking().SingleAsync(c => c.Id == target.Id),
            await db.Customers.AsNoTracking().SingleAsync(c => c.Id == other.Id)));
        Assert.Equal("Hundorp", afterTarget.City);
        Assert.Equal((other.City, other.Version), (afterOther.City, afterOther.Version));
    }

    [Fact]
    public async Task A_customer_contact_gets_404_for_an_internal_step_of_their_own_project_and_403_for_a_visible_one()
    {
        var steps = await factory.WithDbAsync(db => db.Steps.AsNoTracking().Where(s => s.Project!.Name.StartsWith("Gudbrandsdalen")).ToListAsync());
        var hidden = steps.First(s => !s.CustomerVisible);
        var visible = steps.First(s => s.CustomerVisible);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var hiddenGet = await kari.GetAsync($"/projects/{hidden.ProjectId}/steps/{hidden.Id}/edit");
        var visibleGet = await kari.GetAsync($"/projects/{visible.ProjectId}/steps/{visible.Id}/edit");
        var hiddenPost = await kari.PostFormAsync($"/projects/{hidden.ProjectId}/steps/{hidden.Id}/edit", new() { ["Status"] = "Done", ["Version"] = $"{hidden.Version}" });

        Assert.Equal(HttpStatusCode.NotFound, hiddenGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, visibleGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenPost.StatusCode);
        Assert.Equal(hidden.Version, (await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == hidden.Id))).Version);
    }

    [Fact]
    public async Task A_row_message_names_the_field_in_the_users_language_and_shows_what_was_typed_as_typed()
    {
        var project = await factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith("Kystverket")).Select(p => p.Id).SingleAsync());
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await OfferFlowTests.CreateDraftAsync(sales, project);
        var version = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

        // What was typed happens to be a resource key: it must be shown as typed, never translated.
        var response = await sales.PostFormAsync($"/offers/{id}/edit", new()
        {
            ["Version"] = $"{version}", ["Title"] = "Skydrift", ["ValidUntil"] = factory.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Language"] = "nb-NO",
            ["Activities[0].Description"] = "Kurs", ["Activities[0].PriceKind"] = "Unit", ["Activities[0].Quantity"] = "1", ["Activities[0].UnitPrice"] = "Common.Yes",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await PortalClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("i rad 1 er ikke et gyldig beløp: «Common.Yes»", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Offer.UnitPrice", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_date_comes_back_exactly_as_typed_with_its_message_and_nothing_is_saved()
    {
        var step = await factory.WithDbAsync(db => db.Steps.AsNoTracking().FirstAsync(s => s.Project!.Name.StartsWith("Vestland") && s.TemplateKey == "setup.project-plan"));
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", new()
        {
            ["Status"] = "InProgress", ["PlannedStart"] = "31.02.2027", ["Due"] = step.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Version"] = $"{step.Version}",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("31.02.2027", page.QuerySelector("#PlannedStart")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#PlannedStart")!.GetAttribute("aria-invalid"));
        Assert.Contains("PlannedStart-error", page.QuerySelector("#PlannedStart")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#PlannedStart-error")!.TextContent));
        Assert.Equal(step.Version, (await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == step.Id))).Version);
    }

    [Fact]
    public async Task An_edit_form_shows_what_is_saved_with_every_field_labelled_in_the_users_language()
    {
        var customer = await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Name == "Ringebu kommune"));
        using var sales = await factory.LoginAsync(Demo.Sales);

        var (status, page) = await sales.GetPageAsync($"/customers/{customer.Id}/edit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(customer.Name, page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal(customer.OrgNumber, page.QuerySelector("input[name=OrgNumber]")!.GetAttribute("value"));
        Assert.Equal(customer.Type.ToString(), page.QuerySelector("select[name=Type] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Kommune", page.QuerySelector("select[name=Type] option[selected]")!.TextContent);
        var form = page.QuerySelector("form[action$='/edit']")!;
        foreach (var control in form.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            var label = form.QuerySelector($"label[for='{control.Id}']");
            Assert.False(string.IsNullOrWhiteSpace(label?.TextContent), $"{control.GetAttribute("name")} has no label");
        }

        Assert.Equal("Organisasjonsnummer *", form.QuerySelector("label[for=OrgNumber]")!.TextContent);
    }
}
