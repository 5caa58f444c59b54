using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using UglyToad.PdfPig;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class DocumentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ProjectAsync(string prefix) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());

    private Task<List<PlanVersion>> VersionsAsync(int projectId) => factory.WithDbAsync(db => db.PlanVersions.AsNoTracking().Where(v => v.ProjectId == projectId).OrderBy(v => v.Number).ToListAsync());

    private static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join(" ", doc.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private Task<SignedContract> ContractAsync(int projectId) => Journeys.SignedContractAsync(factory, projectId);

    [Fact]
    public async Task Sending_twice_gives_versions_1_and_2_which_the_customer_lists_and_downloads_byte_for_byte()
    {
        var id = await ProjectAsync("Gudbrandsdalen");
        var before = (await VersionsAsync(id)).Count;
        using var lead = await factory.LoginAsync(Demo.Lead);

        var first = await lead.PostFormAsync($"/projects/{id}/documents/plan", []);
        var second = await lead.PostFormAsync($"/projects/{id}/documents/plan", []);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/projects/{id}/documents", second.Headers.Location!.ToString());
        var (_, flashed) = await lead.GetPageAsync($"/projects/{id}/documents");
        Assert.Contains("publisert under kundens dokumenter", flashed.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("e-post", flashed.QuerySelector("[role=status]")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var versions = await VersionsAsync(id);
        Assert.Equal(Enumerable.Range(1, before + 2), versions.Select(v => v.Number));
        var (one, two) = (versions[^2], versions[^1]);
        Assert.All([one, two], v =>
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(v.Pdf)), v.Sha256);
            Assert.Equal("Marte Solberg", v.SentByName);
            Assert.NotNull(v.SentByUserId);
            Assert.Equal(factory.UtcNow, v.SentUtc);
        });
        Assert.Contains($"Versjon {two.Number}", Text(two.Pdf), StringComparison.Ordinal);

        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var (status, page) = await kari.GetPageAsync($"/projects/{id}/documents");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll("#plans tbody tr").ToList();
        Assert.Equal(versions.Count, rows.Count);
        Assert.Equal(two.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[0].QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("16. nov. 2026 kl. 10:00", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Marte Solberg", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(two.Sha256[..12], rows[0].TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#send-plan"));
        Assert.Null(page.QuerySelector("#plan-preview"));

        foreach (var v in new[] { one, two })
        {
            var href = page.QuerySelector($"#plans a[href='/projects/{id}/documents/plan/{v.Number}']");
            Assert.NotNull(href);
            var download = await kari.GetAsync(href!.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.True(download.Headers.CacheControl!.NoStore);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
            var disposition = download.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal($"Prosjektplan-Gudbrandsdalen-WebSak-og-skjema-i-sky-v{v.Number}.pdf", disposition.FileName!.Trim('"'));
            Assert.Contains($"v{v.Number}.pdf", disposition.FileNameStar, StringComparison.Ordinal);
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(v.Pdf, bytes);
            Assert.Equal(v.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task Two_leads_sending_at_the_same_moment_get_consecutive_versions_and_neither_send_is_lost()
    {
        var id = await ProjectAsync("Vestland");
        var before = (await VersionsAsync(id)).Count;
        using var marte = await factory.LoginAsync(Demo.Lead);
        using var jonas = await factory.LoginAsync(Demo.Lead2);
        var tokens = (await marte.TokenAsync("/error/404"), await jonas.TokenAsync("/error/404"));

        var responses = await Task.WhenAll(
            marte.PostFormAsync($"/projects/{id}/documents/plan", new() { ["__RequestVerificationToken"] = tokens.Item1 }, withToken: false),
            jonas.PostFormAsync($"/projects/{id}/documents/plan", new() { ["__RequestVerificationToken"] = tokens.Item2 }, withToken: false));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var versions = await VersionsAsync(id);
        Assert.Equal(Enumerable.Range(1, before + 2), versions.Select(v => v.Number));
        Assert.Equal(["Jonas Åsheim", "Marte Solberg"], versions.TakeLast(2).Select(v => v.SentByName).Order());
        Assert.All(versions, v => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(v.Pdf)), v.Sha256));
    }

    [Fact]
    public async Task The_sent_plan_holds_the_customer_visible_steps_and_milestones_but_never_an_internal_step()
    {
        var id = await ProjectAsync("Gudbrandsdalen");
        var (kickoff, internalTitle) = await factory.WithDbAsync(async db =>
        {
            var steps = await db.Steps.Where(s => s.ProjectId == id).ToListAsync();
            var k = steps.Single(s => s.TemplateKey == "setup.kickoff");
            k.Milestone = MilestoneKind.Kickoff;
            // The only step carrying "test starts" is internal: the milestone must not reach the customer's plan.
            foreach (var visible in steps.Where(s => s.Milestone == MilestoneKind.TestStart))
            {
                visible.Milestone = null;
            }

            var hidden = steps.First(s => !s.CustomerVisible);
            hidden.Milestone = MilestoneKind.TestStart;
            await db.SaveChangesAsync();
            return (k, hidden.Title);
        });
        Assert.Equal("Etablering av servere", internalTitle);
        using var lead = await factory.LoginAsync(Demo.Lead);

        await lead.PostFormAsync($"/projects/{id}/documents/plan", []);

        var text = Text((await VersionsAsync(id))[^1].Pdf);
        Assert.Contains("Oppstartsmøte", text, StringComparison.Ordinal);
        Assert.Contains("Tilgang til programvaren", text, StringComparison.Ordinal);
        Assert.Contains("Sør-Fron kommune", text, StringComparison.Ordinal);
        Assert.Contains("Kari Nordmann", text, StringComparison.Ordinal);
        Assert.Contains("Marte Solberg", text, StringComparison.Ordinal);
        Assert.Contains($"Oppstartsmøte {kickoff.PlannedStart!.Value.Day}. ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(internalTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Teststart", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Testen starter", text, StringComparison.Ordinal);

        // The preview is the same customer's document: no internal step either.
        var preview = await lead.GetAsync($"/projects/{id}/documents/plan/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewText = Text(await preview.Content.ReadAsByteArrayAsync());
        Assert.Contains("Utkast, ikke sendt", previewText, StringComparison.Ordinal);
        Assert.DoesNotContain(internalTitle, previewText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customer_downloads_the_signed_contract_and_sees_it_listed()
    {
        var id = await ProjectAsync("Gudbrandsdalen");
        var contract = await ContractAsync(id);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var (_, page) = await kari.GetPageAsync($"/projects/{id}/documents");
        var download = await kari.GetAsync($"/projects/{id}/documents/contract/{contract.Id}");

        var row = page.QuerySelectorAll("#contracts tbody tr").Single(r => r.TextContent.Contains(contract.Sha256[..12], StringComparison.Ordinal));
        Assert.Contains("CN=Leverandøren AS", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("13. nov. 2026", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(contract.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Avtale-Gudbrandsdalen", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.True(download.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task A_customer_of_another_project_gets_404_for_the_page_every_download_and_the_send()
    {
        var id = await ProjectAsync("Gudbrandsdalen");
        var contract = await ContractAsync(id);
        using (var lead = await factory.LoginAsync(Demo.Lead))
        {
            await lead.PostFormAsync($"/projects/{id}/documents/plan", []);
        }

        var number = (await VersionsAsync(id))[^1].Number;
        using var per = await factory.LoginAsync(Demo.TromsoContact);

        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{id}/documents/plan/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{id}/documents/contract/{contract.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{id}/documents/plan/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.PostFormAsync($"/projects/{id}/documents/plan", [])).StatusCode);

        // Their own project's URL with the other project's contract id is no way round it.
        var own = await ProjectAsync("Tromsø");
        Assert.Equal(HttpStatusCode.OK, (await per.GetAsync($"/projects/{own}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{own}/documents/contract/{contract.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await per.GetAsync($"/projects/{own}/documents/plan/{number}")).StatusCode);
        Assert.Equal(number, (await VersionsAsync(id))[^1].Number);
    }

    [Fact]
    public async Task Sales_and_the_customer_may_not_send_or_the_customer_preview_and_nothing_is_stored()
    {
        var id = await ProjectAsync("Gudbrandsdalen");
        var before = (await VersionsAsync(id)).Count;
        using var sales = await factory.LoginAsync(Demo.Sales);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostFormAsync($"/projects/{id}/documents/plan", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.PostFormAsync($"/projects/{id}/documents/plan", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.GetAsync($"/projects/{id}/documents/plan/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kari.PostFormAsync($"/projects/{id}/documents/plan", [], withToken: false)).StatusCode);
        Assert.Equal(before, (await VersionsAsync(id)).Count);

        // Sales see the page and may preview, but get no send button.
        var (status, page) = await sales.GetPageAsync($"/projects/{id}/documents");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("#send-plan"));
        Assert.NotNull(page.QuerySelector("#plan-preview"));
        Assert.Equal(HttpStatusCode.OK, (await sales.GetAsync($"/projects/{id}/documents/plan/preview")).StatusCode);

        using var lead = await factory.LoginAsync(Demo.Lead);
        var (_, leadPage) = await lead.GetPageAsync($"/projects/{id}/documents");
        Assert.NotNull(leadPage.QuerySelector("form[action$='/documents/plan'] #send-plan"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/projects/{id}/documents/plan/9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/projects/999999/documents")).StatusCode);
    }

    [Fact]
    public async Task A_project_still_in_intake_has_no_plan_to_send_and_says_why()
    {
        var id = await ProjectAsync("Tromsø");
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.PostFormAsync($"/projects/{id}/documents/plan", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await lead.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("når tilbudet er akseptert", page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(id));
        Assert.NotNull(page.QuerySelector("#no-plans"));
    }

    [Fact]
    public async Task The_plan_is_in_the_customers_language()
    {
        var id = await ProjectAsync("Vefsn");
        await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Projects.Any(p => p.ProjectId == id));
            customer.PreferredLanguage = "en";
            return await db.SaveChangesAsync();
        });
        using var lead = await factory.LoginAsync(Demo.Lead);

        await lead.PostFormAsync($"/projects/{id}/documents/plan", []);

        var text = Text((await VersionsAsync(id))[^1].Pdf);
        Assert.Contains("Project plan", text, StringComparison.Ordinal);
        Assert.Contains("Week-by-week schedule", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Side 1 av", text, StringComparison.Ordinal);
    }
}
