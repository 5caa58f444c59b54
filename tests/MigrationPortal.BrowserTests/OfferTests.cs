using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MigrationPortal.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class OfferTests(BrowserFixture fx)
{
    [BrowserFact]
    public async Task Sales_builds_and_sends_an_offer_and_the_signer_accepts_it_in_the_browser()
    {
        var sales = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(sales, "salg@leverandor.example");
        await sales.GotoAsync("/dashboard?q=Tromsø");
        await sales.GetByRole(AriaRole.Link, new() { Name = "Tromsø kommune: WebSak til Skydrift", Exact = true }).ClickAsync();
        await sales.GetByRole(AriaRole.Link, new() { Name = "Tilbud", Exact = true }).Last.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(sales);
        await sales.GetByRole(AriaRole.Button, new() { Name = "Nytt tilbud" }).ClickAsync();

        // The editor: totals follow the typing before anything is saved.
        await Assertions.Expect(sales.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("utkast$") })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(sales);
        var before = await sales.Locator("#total-net").TextContentAsync();
        await sales.GetByLabel("Enhetspris, rad 1", new() { Exact = true }).FillAsync("2 000");
        await Assertions.Expect(sales.Locator("#total-net")).Not.ToHaveTextAsync(before!);
        await BrowserFixture.ScreenshotAsync(sales, "12-offer-editor");
        await sales.GetByRole(AriaRole.Button, new() { Name = "Lagre utkast" }).ClickAsync();

        await Assertions.Expect(sales.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tilbudet er lagret.");
        sales.Dialog += (_, dialog) => dialog.AcceptAsync();
        await sales.GetByRole(AriaRole.Button, new() { Name = "Send tilbudet" }).ClickAsync();
        await Assertions.Expect(sales.GetByText("Sendt", new() { Exact = true }).First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(sales);
        var offerUrl = sales.Url;

        await sales.GotoAsync("/offers");
        await BrowserFixture.AssertAccessibleAsync(sales);
        await BrowserFixture.ScreenshotAsync(sales, "13-pipeline");

        var signer = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(signer, "ellen.aslaksen@tromso.kommune.example");
        await Assertions.Expect(signer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("venter på svar") }).First).ToBeVisibleAsync();
        await signer.GotoAsync(offerUrl);
        await BrowserFixture.AssertAccessibleAsync(signer);
        await BrowserFixture.ScreenshotAsync(signer, "14-customer-offer");

        var download = await signer.RunAndWaitForDownloadAsync(() => signer.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);

        await signer.GetByLabel("Skriv ditt fulle navn").FillAsync("Ellen Aslaksen");
        await signer.GetByLabel(new Regex("^Jeg aksepterer tilbud")).CheckAsync();
        await signer.GetByRole(AriaRole.Button, new() { Name = "Aksepter tilbudet" }).ClickAsync();

        await Assertions.Expect(signer.GetByRole(AriaRole.Status).First).ToContainTextAsync("akseptert");
        await Assertions.Expect(signer.GetByText(new Regex("Akseptert av Ellen Aslaksen"))).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(signer);
        await signer.GotoAsync("/my");
        await Assertions.Expect(signer.GetByText(new Regex("nummer \\d+ i sky-køen"))).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(signer);

        await sales.GotoAsync("/queue");
        await Assertions.Expect(sales.GetByRole(AriaRole.Link, new() { Name = "Tromsø kommune: WebSak til Skydrift", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(sales);
        await BrowserFixture.ScreenshotAsync(sales, "15-queue");
    }

    [BrowserFact]
    public async Task Leads_and_the_mapping_questionnaire_are_accessible()
    {
        var sales = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(sales, "salg@leverandor.example");
        await sales.GotoAsync("/leads");
        await Assertions.Expect(sales.GetByRole(AriaRole.Cell, new() { Name = "Hægebostad kommune", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(sales);
        await BrowserFixture.ScreenshotAsync(sales, "16-leads");
        await sales.GetByRole(AriaRole.Link, new() { Name = "Ny lead" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(sales);

        var customer = await fx.NewPageAsync();
        await BrowserFixture.LoginAsync(customer, "per.hansen@tromso.kommune.example");
        await customer.GetByRole(AriaRole.Link, new() { Name = "Tromsø kommune: WebSak til Skydrift", Exact = true }).ClickAsync();
        await customer.GetByRole(AriaRole.Link, new() { Name = "Kartlegging", Exact = true }).ClickAsync();
        await Assertions.Expect(customer.GetByText(new Regex("Sendt inn av Per Hansen"))).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(customer);
    }
}
