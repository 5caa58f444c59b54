using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MigrationPortal.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class WalkthroughTests(BrowserFixture fx)
{
    [BrowserFact]
    public async Task Login_page_is_accessible_in_both_languages()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/account/login");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "01-login");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task Project_lead_walks_the_dashboard_a_project_and_edits_a_step()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "prosjektleder@leverandor.example");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prosjektoversikt" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "02-dashboard");

        await page.GetByLabel("Søk").FillAsync("Sør-Fron");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 prosjekter")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Gudbrandsdalen: WebSak og skjema i sky" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Prosjektets faser" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "03-project");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Endre\\s*:\\s*Opplæring$") }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pågår" });
        await BrowserFixture.ScreenshotAsync(page, "04-edit-step");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Steget er lagret.");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "Opplæring" }).First).ToContainTextAsync("Pågår");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = "Historikk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Pågår" }).First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/projects/999999");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fant ikke siden" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Kunder" }).First.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "05-customers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ringebu kommune" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task Project_lead_gets_clear_validation_messages_when_creating_a_customer()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "prosjektleder@leverandor.example");
        await page.GotoAsync("/customers/new");
        await page.GetByLabel("Navn").FillAsync("Vågå kommune");
        await page.GetByLabel("Organisasjonsnummer").FillAsync("938 821 004");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

        await Assertions.Expect(page.Locator("#OrgNumber-error")).ToContainTextAsync("kontrollsifferet");
        await Assertions.Expect(page.GetByLabel("Navn")).ToHaveValueAsync("Vågå kommune");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "06-customer-validation");
    }

    [BrowserFact]
    public async Task Customer_contact_sees_their_projects_meetings_and_contact_person()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "kari.nordmann@sor-fron.kommune.example");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Velkommen, Kari Nordmann" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "07-customer-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Gudbrandsdalen: WebSak og skjema i sky" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Din kontaktperson hos oss" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Etablering av servere")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Endre") })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "08-customer-project");

        await page.GetByRole(AriaRole.Link, new() { Name = "Oppstartsmøte Gudbrandsdalen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Referat" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task Admin_sees_users_and_the_invite_form()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "admin@leverandor.example");

        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Kari Nordmann", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "09-users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny bruker" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task Project_lead_plans_a_meeting_and_opens_the_project_settings()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "prosjektleder@leverandor.example");
        await page.GotoAsync("/dashboard?q=Vestland");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vestland fylkeskommune: WebSak og skjema" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt møte" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Tittel").FillAsync("Tilgangsmøte med IT");
        await page.GetByLabel("Lenke til digitalt møte").FillAsync("javascript:alert(1)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Assertions.Expect(page.Locator("#OnlineLink-error")).ToContainTextAsync("https://");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Lenke til digitalt møte").FillAsync("https://teams.example/vestland");
        await page.GetByLabel("Åse Kvåle").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "10-new-meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tilgangsmøte med IT" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Åse Kvåle")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Vestland fylkeskommune: WebSak og skjema" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Endre prosjekt" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Vestland fylkeskommune")).ToBeCheckedAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "11-edit-project");
    }

    [BrowserFact]
    public async Task The_portal_works_in_english_too()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "prosjektleder@leverandor.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Project dashboard" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Gudbrandsdalen: WebSak og skjema i sky" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your contact person with us" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Setup, testing and training").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/offers");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sales pipeline" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("NOK ").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
