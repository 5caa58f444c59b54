using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using UglyToad.PdfPig;

namespace MigrationPortal.Tests.Offers;

/// <summary>From draft to signed offer over HTTP: sales writes and sends, the customer reads, downloads and accepts.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class OfferFlowTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ProjectAsync(string prefix) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());

    /// <summary>A fresh phase 1 project for Tromsø kommune (so its contacts see it), with only its intake steps, as a converted lead has.</summary>
    private Task<int> NewTromsoProjectAsync() => factory.WithDbAsync(async db =>
    {
        var tromso = await db.Customers.SingleAsync(c => c.Name == "Tromsø kommune");
        var websak = await db.Products.SingleAsync(p => p.Code == "websak");
        var project = new Project { Name = $"Tromsø {Guid.NewGuid():N}", Phase = Phase.Intake, PlannedStart = factory.Today };
        project.Customers.Add(new ProjectCustomer { CustomerId = tromso.Id });
        project.Products.Add(new ProjectProduct { ProductId = websak.Id });
        project.AddStepsFromTemplates(await db.StepTemplates.Where(t => t.ProductId == websak.Id && t.Phase == Phase.Intake).ToListAsync(), project.PlannedStart.Value);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    });

    /// <summary>Creates a draft for the project and returns its revision id.</summary>
    internal static async Task<int> CreateDraftAsync(PortalClient sales, int projectId)
    {
        var response = await sales.PostFormAsync($"/projects/{projectId}/offers", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/offers/", location, StringComparison.Ordinal);
        return int.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task SendAsync(PortalClient sales, int revisionId)
    {
        var version = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == revisionId).Select(r => r.Version).SingleAsync());
        var response = await sales.PostFormAsync($"/offers/{revisionId}/send", new() { ["version"] = $"{version}" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<OfferRevision> RevisionAsync(int id) => factory.WithDbAsync(db => db.OfferRevisions.AsNoTracking().Include(r => r.Activities).Include(r => r.YearlyCosts).Include(r => r.Offer).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task A_new_offer_starts_with_the_projects_activities_yearly_costs_and_a_start_from_the_queue()
    {
        var project = await ProjectAsync("Kystverket");
        using var sales = await factory.LoginAsync(Demo.Sales);

        var id = await CreateDraftAsync(sales, project);

        var r = await RevisionAsync(id);
        Assert.Equal(OfferStatus.Draft, r.Status);
        Assert.Matches(@"^T-\d{4}-\d{4}$", r.Offer!.Number);
        Assert.Contains(r.Activities, a => a.Description == "Datamigrering WebSak");
        Assert.DoesNotContain(r.Activities, a => a.Description == "Migrering av skjema");
        Assert.Single(r.YearlyCosts);
        Assert.Equal(1, r.EstimatedStartMonth!.Value.Day);
        var (waiting, perMonth) = await factory.WithDbAsync(async db => (await db.CloudQueue.CountAsync(q => q.StartedUtc == null), await db.VendorSettings.Select(v => v.ProjectStartsPerMonth).FirstAsync()));
        Assert.Equal(CloudQueue.ExpectedStartMonth(waiting + 1, perMonth, factory.Today), r.EstimatedStartMonth);
        Assert.True(r.OneOffTotal > 0);
        var (status, edit) = await sales.GetPageAsync($"/offers/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("prosjekter venter", edit.QuerySelector("[role=note]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_draft_reads_norwegian_amounts_and_reports_bad_rows_by_number()
    {
        var project = await ProjectAsync("Kystverket");
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await CreateDraftAsync(sales, project);
        var r = await RevisionAsync(id);
        var fields = new Dictionary<string, string?>
        {
            ["Version"] = $"{r.Version}", ["Title"] = "Skydrift for Kystverket", ["ValidUntil"] = factory.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Language"] = "nb-NO",
            ["Activities[0].Description"] = "Kartlegging", ["Activities[0].PriceKind"] = "Unit", ["Activities[0].Quantity"] = "10", ["Activities[0].UnitPrice"] = "1 500,50", ["Activities[0].DurationWeeks"] = "2",
            ["Activities[1].Description"] = "Prosjektledelse", ["Activities[1].PriceKind"] = "Fixed", ["Activities[1].FixedPrice"] = "kr 20 000",
            ["Activities[2].Description"] = "Feil", ["Activities[2].PriceKind"] = "Unit", ["Activities[2].UnitPrice"] = "mange penger",
            ["YearlyCosts[0].Description"] = "Drift og vedlikehold WebSak", ["YearlyCosts[0].AmountPerYear"] = "185000",
        };

        var bad = await sales.PostFormAsync($"/offers/{id}/edit", fields);
        fields.Remove("Activities[2].Description");
        fields.Remove("Activities[2].UnitPrice");
        var good = await sales.PostFormAsync($"/offers/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("rad 3", (await PortalClient.ParseAsync(bad)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await RevisionAsync(id);
        Assert.Equal(2, saved.Activities.Count);
        Assert.Equal(15005.00m + 20000m, saved.OneOffTotal);
        var (_, page) = await sales.GetPageAsync($"/offers/{id}");
        var text = page.Body!.TextContent.Replace('\u00A0', ' ');
        Assert.Contains("kr 35 005,00", text, StringComparison.Ordinal);
        Assert.Contains("kr 8 751,25", text, StringComparison.Ordinal);
        Assert.Contains("kr 43 756,25", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sent_revision_never_changes_and_a_new_revision_supersedes_it_when_sent()
    {
        var project = await ProjectAsync("Kystverket");
        using var sales = await factory.LoginAsync(Demo.Sales);
        var first = await CreateDraftAsync(sales, project);
        await SendAsync(sales, first);
        var sent = await RevisionAsync(first);

        var edit = await sales.PostFormAsync($"/offers/{first}/edit", new() { ["Version"] = $"{sent.Version}", ["Title"] = "Endret etter sending", ["ValidUntil"] = "2030-01-01", ["Activities[0].Description"] = "X", ["Activities[0].FixedPrice"] = "1", ["Activities[0].PriceKind"] = "Fixed" });
        var revise = await sales.PostFormAsync($"/offers/{first}/revise", []);
        var second = int.Parse(revise.Headers.Location!.ToString().Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        await factory.WithDbAsync(async db =>
        {
            var r2 = await db.OfferRevisions.Include(r => r.Offer).Include(r => r.Activities).SingleAsync(r => r.Id == second);
            r2.Activities.OrderBy(a => a.SortOrder).First().UnitPrice += 100;
            r2.Title = "Skydrift, revidert";
            db.Entry(r2).Property(r => r.Version).IsModified = true;
            return await db.SaveChangesAsync();
        });
        await SendAsync(sales, second);

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var after = await RevisionAsync(first);
        Assert.Equal(sent.Title, after.Title);
        Assert.Equal(sent.PdfSha256, after.PdfSha256);
        Assert.Equal(OfferStatus.Superseded, after.Status);
        var newer = await RevisionAsync(second);
        Assert.Equal(2, newer.Revision);
        Assert.Equal(OfferStatus.Sent, newer.Status);
        Assert.NotEqual(sent.PdfSha256, newer.PdfSha256);
        var (_, compare) = await sales.GetPageAsync($"/offers/{second}/compare");
        Assert.Equal(3, compare.QuerySelectorAll("thead th").Length);
        Assert.Contains(compare.QuerySelectorAll("tbody th"), th => th.TextContent.StartsWith("Per år: Drift og vedlikehold WebSak", StringComparison.Ordinal));
        var changed = compare.QuerySelectorAll("tbody td.fw-bold").Select(td => td.ParentElement!.QuerySelector("th")!.TextContent).ToList();
        Assert.Contains("Tittel", changed);
        Assert.Contains(sent.Activities.OrderBy(a => a.SortOrder).First().Description, changed);
        Assert.DoesNotContain("Vilkår", changed);
    }

    [Fact]
    public async Task The_customer_reads_and_downloads_the_exact_sent_pdf_but_never_sees_drafts()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var sentId = await CreateDraftAsync(sales, project);
        await SendAsync(sales, sentId);
        var draftId = (await sales.PostFormAsync($"/offers/{sentId}/revise", [])).Headers.Location!.ToString().Split('/')[2];
        using var per = await factory.LoginAsync(Demo.TromsoContact);

        var pdf = await per.GetAsync($"/offers/{sentId}/pdf");
        var draft = await per.GetAsync($"/offers/{draftId}");
        var draftPdf = await per.GetAsync($"/offers/{draftId}/pdf");
        var (_, page) = await per.GetPageAsync($"/offers/{sentId}");

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal((await RevisionAsync(sentId)).PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draftPdf.StatusCode);
        Assert.Contains("signaturrett", page.QuerySelector("#decision-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='/accept']"));
    }

    [Fact]
    public async Task Staff_get_a_draft_rendered_and_named_as_a_draft_and_a_sent_revision_as_its_stored_bytes()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var sentId = await CreateDraftAsync(sales, project);
        await SendAsync(sales, sentId);
        var draftId = (await sales.PostFormAsync($"/offers/{sentId}/revise", [])).Headers.Location!.ToString().Split('/')[2];
        var sent = await RevisionAsync(sentId);
        var number = await factory.WithDbAsync(db => db.Offers.Where(o => o.Id == sent.OfferId).Select(o => o.Number).SingleAsync());

        var sentPdf = await sales.GetAsync($"/offers/{sentId}/pdf");
        var draftPdf = await sales.GetAsync($"/offers/{draftId}/pdf");

        Assert.Equal($"{number}-rev{sent.Revision}.pdf", sentPdf.Content.Headers.ContentDisposition!.FileNameStar ?? sentPdf.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(sent.PdfContent, await sentPdf.Content.ReadAsByteArrayAsync());
        Assert.Equal($"{number}-rev{sent.Revision + 1}-utkast.pdf", draftPdf.Content.Headers.ContentDisposition!.FileNameStar ?? draftPdf.Content.Headers.ContentDisposition.FileName);
        var draftBytes = await draftPdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), draftBytes[..4]);
        Assert.NotEqual(sent.PdfContent, draftBytes);
    }

    [Fact]
    public async Task The_pdf_reads_back_with_customer_number_revision_totals_and_page_numbers()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await CreateDraftAsync(sales, project);
        await SendAsync(sales, id);
        var r = await RevisionAsync(id);

        using var pdf = PdfDocument.Open(r.PdfContent!);
        var pages = pdf.GetPages().ToList();
        var text = string.Join(" ", pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.Contains("Tromsø kommune", text, StringComparison.Ordinal);
        Assert.Contains("971 141 018", text, StringComparison.Ordinal);
        Assert.Contains(r.Offer!.Number, text, StringComparison.Ordinal);
        Assert.Contains("Engangsaktiviteter", text, StringComparison.Ordinal);
        Assert.Contains("Årlige kostnader", text, StringComparison.Ordinal);
        Assert.Contains("Sum inkl. mva.", text, StringComparison.Ordinal);
        Assert.Contains("sky-køen", text, StringComparison.Ordinal);
        Assert.Contains($"Side 1 av {pages.Count}", text, StringComparison.Ordinal);
        var net = r.OneOffTotal;
        Assert.Contains(Web.Infrastructure.Localization.Display.Money(net + OfferRevision.Vat(net), new System.Globalization.CultureInfo("nb-NO")).Replace('\u00A0', ' '), text.Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_needs_the_signers_full_name_and_confirmation_then_locks_the_offer_and_starts_phase_two()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await CreateDraftAsync(sales, project);
        await SendAsync(sales, id);
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        var queueBefore = await factory.WithDbAsync(db => db.CloudQueue.CountAsync(q => q.StartedUtc == null));

        var wrongName = await ellen.PostFormAsync($"/offers/{id}/accept", new() { ["fullName"] = "Ellen", ["confirm"] = "true" });
        var notConfirmed = await ellen.PostFormAsync($"/offers/{id}/accept", new() { ["fullName"] = "Ellen Aslaksen" });
        Assert.Equal(OfferStatus.Sent, (await RevisionAsync(id)).Status);
        var sentPdf = await (await ellen.GetAsync($"/offers/{id}/pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(0, await factory.WithDbAsync(db => db.Steps.CountAsync(s => s.ProjectId == project && s.Phase == Phase.Setup)));
        ellen.Http.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/1.0");
        var accepted = await ellen.PostFormAsync($"/offers/{id}/accept", new() { ["fullName"] = "  ellen   aslaksen ", ["confirm"] = "true" });
        var again = await ellen.PostFormAsync($"/offers/{id}/accept", new() { ["fullName"] = "Ellen Aslaksen", ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, wrongName.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, notConfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var r = await RevisionAsync(id);
        Assert.Equal(OfferStatus.Accepted, r.Status);
        Assert.Equal("ellen   aslaksen", r.AcceptedByName);
        Assert.NotNull(r.AcceptedUtc);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(sentPdf)), r.PdfSha256);
        Assert.Equal(sentPdf, r.PdfContent);
        Assert.Contains("TestBrowser/1.0", r.AcceptedUserAgent, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", r.AcceptedFromIp);
        Assert.Equal(OfferStatus.Accepted, (await RevisionAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var state = await factory.WithDbAsync(async db => new
        {
            Phase = await db.Projects.Where(p => p.Id == project).Select(p => p.Phase).SingleAsync(),
            OpenIntake = await db.Steps.CountAsync(s => s.ProjectId == project && s.Phase == Phase.Intake && s.Status != StepStatus.Done),
            SetupSteps = await db.Steps.CountAsync(s => s.ProjectId == project && s.Phase == Phase.Setup),
            Queue = await db.CloudQueue.SingleOrDefaultAsync(q => q.ProjectId == project),
            Audit = await db.AuditEntries.AnyAsync(a => a.EntityType == "OfferRevision" && a.Property == "Status" && a.NewValue == "Accepted" && a.UserName == Demo.TromsoSigner && a.ProjectId == project),
        });
        Assert.Equal(Phase.Setup, state.Phase);
        Assert.Equal(0, state.OpenIntake);
        Assert.True(state.SetupSteps > 5);
        Assert.NotNull(state.Queue);
        Assert.Equal(queueBefore + 1, state.Queue!.Position);
        var perMonth = await factory.WithDbAsync(db => db.VendorSettings.Select(v => v.ProjectStartsPerMonth).FirstAsync());
        var expectedStart = CloudQueue.ExpectedStartMonth(queueBefore + 1, perMonth, factory.Today);
        Assert.Equal(expectedStart, await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.PlannedStart).SingleAsync()));
        Assert.Equal(expectedStart, await factory.WithDbAsync(db => db.Steps.Where(s => s.ProjectId == project && s.Phase == Phase.Setup).MinAsync(s => s.PlannedStart)));
        Assert.True(state.Audit);

        // Sales can no longer start a revision of an accepted offer, nor a new offer for the project.
        var revise = await sales.PostFormAsync($"/offers/{id}/revise", []);
        Assert.Equal(HttpStatusCode.Redirect, revise.StatusCode);
        Assert.Equal($"/offers/{id}", revise.Headers.Location!.ToString());
        var another = await sales.PostFormAsync($"/projects/{project}/offers", []);
        Assert.Equal($"/projects/{project}/offers", another.Headers.Location!.ToString());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Offers.CountAsync(o => o.ProjectId == project)));

        using var per = await factory.LoginAsync(Demo.TromsoContact);
        var (_, home) = await per.GetPageAsync("/my");
        var card = home.QuerySelector($"a[href='/projects/{project}']")!.Closest("section")!.TextContent;
        Assert.Contains($"nummer {queueBefore + 1} i sky-køen", card, StringComparison.Ordinal);
        Assert.Contains(expectedStart.ToString("MMMM yyyy", new System.Globalization.CultureInfo("nb-NO")), card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_superseded_offer_cannot_be_accepted()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var expired = await CreateDraftAsync(sales, project);
        await SendAsync(sales, expired);
        await factory.WithDbAsync(async db =>
        {
            var r = await db.OfferRevisions.Include(x => x.Offer).SingleAsync(x => x.Id == expired);
            r.ValidUntil = factory.Today.AddDays(-2);
            return await db.SaveChangesAsync();
        });
        var old = await CreateDraftAsync(sales, project);
        await SendAsync(sales, old);
        var newer = int.Parse((await sales.PostFormAsync($"/offers/{old}/revise", [])).Headers.Location!.ToString().Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(sales, newer);
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);

        var expiredAccept = await ellen.PostFormAsync($"/offers/{expired}/accept", new() { ["fullName"] = "Ellen Aslaksen", ["confirm"] = "true" });
        var (_, expiredPage) = await ellen.GetPageAsync($"/offers/{expired}");
        var oldAccept = await ellen.PostFormAsync($"/offers/{old}/accept", new() { ["fullName"] = "Ellen Aslaksen", ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, expiredAccept.StatusCode);
        Assert.Equal(OfferStatus.Sent, (await RevisionAsync(expired)).Status);
        Assert.Contains("utløpt", expiredPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Superseded, (await RevisionAsync(old)).Status);
        Assert.Equal(HttpStatusCode.Redirect, oldAccept.StatusCode);
        Assert.Null((await RevisionAsync(old)).AcceptedUtc);
    }

    [Fact]
    public async Task A_contact_without_signing_authority_is_refused_and_a_signer_may_decline_with_a_reason()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await CreateDraftAsync(sales, project);
        await SendAsync(sales, id);
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);

        var perAccept = await per.PostFormAsync($"/offers/{id}/accept", new() { ["fullName"] = "Per Hansen", ["confirm"] = "true" });
        var noReason = await ellen.PostFormAsync($"/offers/{id}/decline", new() { ["reason"] = " " });
        var declined = await ellen.PostFormAsync($"/offers/{id}/decline", new() { ["reason"] = "Vi venter til neste budsjettår." });

        Assert.Equal(HttpStatusCode.Forbidden, perAccept.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var r = await RevisionAsync(id);
        Assert.Equal(OfferStatus.Declined, r.Status);
        Assert.Equal("Vi venter til neste budsjettår.", r.DeclineReason);
    }

    [Fact]
    public async Task Another_organisations_contact_gets_404_for_offers_pdfs_and_decisions()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await CreateDraftAsync(sales, project);
        await SendAsync(sales, id);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/offers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/offers/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/projects/{project}/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"/offers/{id}/accept", new() { ["fullName"] = "Kari Nordmann", ["confirm"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"/offers/{id}/decline", new() { ["reason"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"/projects/{project}/offers", [])).StatusCode);
        Assert.Equal(OfferStatus.Sent, (await RevisionAsync(id)).Status);
    }

    [Fact]
    public async Task Only_sales_and_admins_write_offers()
    {
        var project = await ProjectAsync("Kystverket");
        using var lead = await factory.LoginAsync(Demo.Lead);
        using var per = await factory.LoginAsync(Demo.TromsoContact);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostFormAsync($"/projects/{project}/offers", [])).StatusCode);
        var (status, pipeline) = await lead.GetPageAsync("/offers");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Hægebostad kommune", pipeline.QuerySelector("#leads-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sendt", pipeline.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await per.GetAsync("/offers")).StatusCode);
    }

    [Fact]
    public async Task The_offer_and_its_pdf_follow_the_customers_language()
    {
        var (project, customer) = await factory.WithDbAsync(async db =>
        {
            var p = await db.Projects.Include(x => x.Customers).SingleAsync(x => x.Name.StartsWith("Ålesund"));
            var c = await db.Customers.SingleAsync(x => x.Id == p.Customers[0].CustomerId);
            c.PreferredLanguage = "en";
            await db.SaveChangesAsync();
            return (p.Id, c.Name);
        });
        using var sales = await factory.LoginAsync(Demo.Sales);

        var id = await CreateDraftAsync(sales, project);
        await SendAsync(sales, id);

        var r = await RevisionAsync(id);
        Assert.Equal("en", r.Language);
        Assert.Contains(r.Activities, a => a.Description == "Data migration WebSak");
        using var pdf = PdfDocument.Open(r.PdfContent!);
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("One-off activities of the implementation project", text, StringComparison.Ordinal);
        Assert.Contains("Total incl. VAT", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
        Assert.Contains(customer, text, StringComparison.Ordinal);
        Assert.Contains("NOK ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_revision_cannot_be_sent_once_an_earlier_one_is_accepted_and_its_draft_is_dropped()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var first = await CreateDraftAsync(sales, project);
        await SendAsync(sales, first);
        var draft = int.Parse((await sales.PostFormAsync($"/offers/{first}/revise", [])).Headers.Location!.ToString().Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var draftVersion = (await RevisionAsync(draft)).Version;
        var otherOffer = await CreateDraftAsync(sales, project);
        await SendAsync(sales, otherOffer);
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);

        await ellen.PostFormAsync($"/offers/{first}/accept", new() { ["fullName"] = "Ellen Aslaksen", ["confirm"] = "true" });
        var send = await sales.PostFormAsync($"/offers/{draft}/send", new() { ["version"] = $"{draftVersion}" });

        Assert.Equal(OfferStatus.Accepted, (await RevisionAsync(first)).Status);
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OfferRevisions.AnyAsync(r => r.Id == draft)));
        Assert.Equal(OfferStatus.Superseded, (await RevisionAsync(otherOffer)).Status);
    }

    [Fact]
    public async Task Customers_cannot_write_offers_nor_see_drafts_in_the_project_list()
    {
        var project = await NewTromsoProjectAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);
        var sent = await CreateDraftAsync(sales, project);
        await SendAsync(sales, sent);
        var draft = (await sales.PostFormAsync($"/offers/{sent}/revise", [])).Headers.Location!.ToString().Split('/')[2];
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);

        var (_, list) = await ellen.GetPageAsync($"/projects/{project}/offers");
        var edit = await ellen.PostFormAsync($"/offers/{draft}/edit", new() { ["Title"] = "Kunden endrer", ["Version"] = "0" });
        var revise = await ellen.PostFormAsync($"/offers/{sent}/revise", []);
        var send = await ellen.PostFormAsync($"/offers/{draft}/send", new() { ["version"] = "0" });
        var create = await ellen.PostFormAsync($"/projects/{project}/offers", []);

        Assert.Single(list.QuerySelectorAll("main tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revise.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(OfferStatus.Draft, (await RevisionAsync(int.Parse(draft, System.Globalization.CultureInfo.InvariantCulture))).Status);
    }
}
