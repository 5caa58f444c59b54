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

        foreach (var path in new[] { "/account/notifications", "/account/calendar" })
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
    }
}
