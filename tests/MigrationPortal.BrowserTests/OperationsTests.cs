using Microsoft.Playwright;

namespace MigrationPortal.BrowserTests;

/// <summary>Phase 4 pages in a real browser with axe: the cloud centre's start page, the annual wheel, upgrades, events, the outbox.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OperationsTests(BrowserFixture fx)
{
    [BrowserFact]
    public async Task The_cloud_centre_and_admin_pages_of_phase_four_pass_axe()
    {
        var cloud = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(cloud, "skysenter@leverandor.example");
        await Assertions.Expect(cloud.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(cloud);
        await BrowserFixture.ScreenshotAsync(cloud, "40-cloud-centre");

        foreach (var (link, shot) in new[] { ("Oppgraderinger", "41-upgrades"), ("Arrangementer", "42-events"), ("Skykunde", "43-cloud-page") })
        {
            var nav = cloud.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
            if (await nav.CountAsync() == 0)
            {
                continue;
            }

            await nav.First.ClickAsync();
            await Assertions.Expect(cloud.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(cloud);
            await BrowserFixture.ScreenshotAsync(cloud, shot);
        }

        await cloud.GotoAsync("/dashboard");
        await cloud.GetByRole(AriaRole.Link, new() { Name = "Ålesund kommune: Skydrift" }).First.ClickAsync();
        await cloud.GetByRole(AriaRole.Link, new() { Name = "Årshjul", Exact = true }).ClickAsync();
        await Assertions.Expect(cloud.Locator("svg[role=img]").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(cloud);
        await BrowserFixture.ScreenshotAsync(cloud, "44-wheel");

        foreach (var path in new[] { "/account/notifications", "/account/calendar", "/account/password" })
        {
            await cloud.GotoAsync(path);
            await Assertions.Expect(cloud.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(cloud);
        }

        var admin = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(admin, "admin@leverandor.example");
        await admin.GotoAsync("/admin/outbox");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(admin, "45-outbox");
        await BrowserFixture.AssertAccessibleAsync(admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Sikkerhetslogg" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#security-events")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(admin);
        await BrowserFixture.ScreenshotAsync(admin, "51-security-log");
    }

    [BrowserFact]
    public async Task A_customer_in_operation_sees_the_wheel_acknowledges_a_notice_registers_for_an_event_and_reads_the_cloud_page()
    {
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "ragnhild.stromme@alesund.kommune.example");
        await page.GotoAsync("/my");
        await Assertions.Expect(page.Locator("svg.wheel").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "46-customer-in-operation");

        // The notice the job sent (a small WebSak release in two weeks): acknowledged from the page it links to.
        await page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kvitter for varselet" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Takk, varselet er kvittert.")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "47-upgrade-acknowledged");

        // FAGdagene: registered from the event's page.
        await page.GotoAsync("/my/events");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^FAGdagene") }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld meg på" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Meld meg av" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "48-event-registered");

        await page.GotoAsync("/cloud");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "49-cloud-page-customer");

        await page.GotoAsync("/my");
        await page.GetByRole(AriaRole.Link, new() { Name = "Årshjulet og møteønsker" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg.wheel")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "50-wheel-customer");
    }
}
