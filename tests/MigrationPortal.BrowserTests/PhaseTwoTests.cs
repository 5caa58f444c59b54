using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MigrationPortal.BrowserTests;

/// <summary>Phases 2-3 in a real browser at desktop and phone width, with axe on every page: the plan, the checklist, go-live and handover.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PhaseTwoTests(BrowserFixture fx)
{
    [BrowserFact]
    public async Task Project_lead_reads_the_plan_and_the_customer_does_their_part_of_the_checklist_on_a_phone()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "prosjektleder@leverandor.example");
        await page.GotoAsync("/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gudbrandsdalen: WebSak og skjema i sky" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Milepæler" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("Gantt-diagram") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".critical-badge").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "20-plan");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = "Sjekkliste" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "21-checklist");

        var phone = await fx.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(phone, "kari.nordmann@sor-fron.kommune.example");
        await Assertions.Expect(phone.GetByRole(AriaRole.Complementary, new() { Name = "Din kontaktperson hos oss" })).ToContainTextAsync("prosjektleder");
        await BrowserFixture.AssertAccessibleAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Gudbrandsdalen: WebSak og skjema i sky" }).First.ClickAsync();
        await phone.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Milepæler" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("Etablering av servere")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "22-plan-phone");

        await phone.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = "Sjekkliste" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "23-checklist-phone");
    }

    [BrowserFact]
    public async Task Project_lead_schedules_the_cutover_records_go_live_and_the_cloud_centre_takes_over()
    {
        foreach (var (width, height, suffix) in new[] { (390, 844, "-phone"), (1280, 900, "") })
        {
            var page = await fx.NewPageAsync(width, height);
            await BrowserFixture.LoginAsync(page, "prosjektleder2@leverandor.example");
            await page.GotoAsync("/dashboard");
            await page.GetByRole(AriaRole.Link, new() { Name = "Bærum kommune: skjemaverktøy i sky" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = "Produksjonssetting" }).ClickAsync();
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "24-golive" + suffix);
            if (suffix.Length > 0)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Sett tidsvindu for overgangen" }).ClickAsync();
                await Assertions.Expect(page.GetByLabel("Startdato")).ToBeVisibleAsync();
                await BrowserFixture.AssertAccessibleAsync(page);
                await BrowserFixture.ScreenshotAsync(page, "25-cutover-phone");
                continue;
            }

            // Easter Monday 2027 is refused with a reason; a Saturday is fine.
            await page.GetByRole(AriaRole.Link, new() { Name = "Sett tidsvindu for overgangen" }).ClickAsync();
            await page.GetByLabel("Startdato").FillAsync("2027-03-29");
            await page.GetByLabel("Starttid").FillAsync("18:00");
            await page.GetByLabel("Sluttdato").FillAsync("2027-03-29");
            await page.GetByLabel("Sluttid").FillAsync("23:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
            await Assertions.Expect(page.Locator("#StartTime-error")).ToContainTextAsync("helligdag");
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "25-cutover-refused");
            await page.GetByLabel("Startdato").FillAsync("2027-01-23");
            await page.GetByLabel("Starttid").FillAsync("08:00");
            await page.GetByLabel("Sluttdato").FillAsync("2027-01-23");
            await page.GetByLabel("Sluttid").FillAsync("20:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tidsvinduet er lagret");

            await page.GetByLabel("Første produksjonsdag").FillAsync(MigrationPortal.Web.Infrastructure.Localization.Display.TodayInOslo(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrer produksjonssetting" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Første produksjonsdag er registrert");
            var reason = page.GetByLabel("Begrunnelse for å gå videre likevel");
            if (await reason.CountAsync() > 0)
            {
                await reason.FillAsync("Kunden er trygg etter to uker; evaluering tas på første statusmøte.");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Be skysenteret ta over" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Skysenteret er bedt om å ta over");
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, "26-handover-requested");

            var cloud = await fx.NewPageAsync();
            await BrowserFixture.LoginAsync(cloud, "skysenter@leverandor.example");
            await cloud.GotoAsync(page.Url);
            await cloud.GetByRole(AriaRole.Button, new() { Name = "Ta over prosjektet (til drift)" }).ClickAsync();
            await Assertions.Expect(cloud.GetByRole(AriaRole.Status)).ToContainTextAsync("overlevert og i drift");
            await Assertions.Expect(cloud.Locator("#handover")).ToContainTextAsync("tatt over av");
            await BrowserFixture.AssertAccessibleAsync(cloud);
            await BrowserFixture.ScreenshotAsync(cloud, "27-handover-accepted");

            var cloudPhone = await fx.NewPageAsync(390, 844);
            await BrowserFixture.LoginAsync(cloudPhone, "skysenter@leverandor.example");
            await cloudPhone.GotoAsync(page.Url);
            await Assertions.Expect(cloudPhone.Locator("#handover")).ToContainTextAsync("tatt over av");
            await BrowserFixture.AssertAccessibleAsync(cloudPhone);
            await BrowserFixture.ScreenshotAsync(cloudPhone, "27-handover-accepted-phone");
        }
    }

    [BrowserFact]
    public async Task The_other_project_pages_pass_axe_for_staff_and_for_the_customer()
    {
        var lead = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(lead, "prosjektleder@leverandor.example");
        await lead.GotoAsync("/dashboard");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Gudbrandsdalen: WebSak og skjema i sky" }).First.ClickAsync();
        var project = lead.Url;
        foreach (var (tab, shot) in new[] { ("Test", "28-test"), ("Opplæring", "29-training"), ("Dokumenter", "30-documents"), ("Historikk", "31-history") })
        {
            await lead.GotoAsync(project);
            await lead.GetByRole(AriaRole.Navigation, new() { Name = "Prosjektets sider" }).GetByRole(AriaRole.Link, new() { Name = tab, Exact = true }).ClickAsync();
            await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(lead);
            await BrowserFixture.ScreenshotAsync(lead, shot);
        }

        await lead.GotoAsync(project + "/plan");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Test hos kunden", Exact = true }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Test hos kunden" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(lead);
        await BrowserFixture.ScreenshotAsync(lead, "32-step");

        var phone = await fx.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(phone, "kari.nordmann@sor-fron.kommune.example");
        foreach (var path in new[] { "/test", "/training", "/documents", "/golive" })
        {
            await phone.GotoAsync(project + path);
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(phone);
        }
    }
}
