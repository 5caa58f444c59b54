using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace MigrationPortal.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class TwoFactorTests(BrowserFixture fx)
{
    /// <summary>
    /// A customer turns on two-factor sign-in and signs in again with a recovery code; axe checks every page on the way.
    /// The browser app runs on the real clock, so the code is computed from it (the second sign-in uses a recovery
    /// code: the app's code of this 30-second step is spent once set-up has used it).
    /// </summary>
    [BrowserFact]
    public async Task A_customer_sets_up_two_factor_sign_in_and_signs_in_with_a_recovery_code()
    {
        const string email = "thomas.gronli@baerum.kommune.example";
        var page = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(page, email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tofaktor", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tofaktorinnlogging" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sett opp autentiseringsapp" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^QR-kode") })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "60-two-factor-set-up");
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
        await page.GetByLabel("Kode fra appen").FillAsync(code);
        await page.GetByLabel("Passord").FillAsync(MigrationPortal.Web.Data.DemoData.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Slå på tofaktorinnlogging" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gjenopprettingskodene dine" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        var codes = await page.Locator(".recovery-code").AllTextContentsAsync();
        Assert.Equal(10, codes.Count);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Last ned som tekstfil" }).ClickAsync());
        Assert.Equal("gjenopprettingskoder-migrationportal.txt", download.SuggestedFilename);
        Assert.Contains(codes[0], await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Jeg har tatt vare på kodene" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();

        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Passord").FillAsync(MigrationPortal.Web.Data.DemoData.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bekreft innloggingen" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Kode fra appen").FillAsync("000000" == code ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#Code-error")).ToContainTextAsync("Koden stemmer ikke");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("gjenopprettingskode$") }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Gjenopprettingskode").FillAsync(codes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my$"));
        await page.GotoAsync("/account/security");
        await Assertions.Expect(page.GetByText("Du har 9 ubrukte gjenopprettingskoder.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Slå av tofaktorinnlogging" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
