using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Tests.Pdf;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Signing;
using UglyToad.PdfPig;

namespace MigrationPortal.Tests.Offers;

/// <summary>The contract made at acceptance, over HTTP: the offer PDF plus an acceptance page, sealed by the vendor.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class ContractTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Dictionary<string, string?> Acceptance = new() { ["fullName"] = "Ellen Aslaksen", ["confirm"] = "true" };

    /// <summary>A fresh phase 1 project for the customer, with its intake steps, and a sent offer for it; returns (project, revision).</summary>
    private async Task<(int Project, int Revision)> SentOfferAsync(string customerName)
    {
        var project = await factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Name == customerName);
            var websak = await db.Products.SingleAsync(p => p.Code == "websak");
            var p = new Project { Name = $"{customerName} {Guid.NewGuid():N}", Phase = Phase.Intake, PlannedStart = factory.Today };
            p.Customers.Add(new ProjectCustomer { CustomerId = customer.Id });
            p.Products.Add(new ProjectProduct { ProductId = websak.Id });
            p.AddStepsFromTemplates(await db.StepTemplates.Where(t => t.ProductId == websak.Id && t.Phase == Phase.Intake).ToListAsync(), factory.Today);
            db.Projects.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        using var sales = await factory.LoginAsync(Demo.Sales);
        var id = await OfferFlowTests.CreateDraftAsync(sales, project);
        var version = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await sales.PostFormAsync($"/offers/{id}/send", new() { ["version"] = $"{version}" })).StatusCode);
        return (project, id);
    }

    private Task<List<SignedContract>> ContractsAsync(int project) =>
        factory.WithDbAsync(db => db.SignedContracts.AsNoTracking().Where(c => c.ProjectId == project).ToListAsync());

    private static string Words(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    [Fact]
    public async Task Accepting_seals_the_offer_pdf_and_an_acceptance_page_into_a_contract_saved_with_the_acceptance()
    {
        var (project, id) = await SentOfferAsync("Tromsø kommune");
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        Assert.Empty(await ContractsAsync(project));

        var response = await ellen.PostFormAsync($"/offers/{id}/accept", Acceptance);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var revision = await factory.WithDbAsync(db => db.OfferRevisions.AsNoTracking().Include(r => r.Offer).SingleAsync(r => r.Id == id));
        Assert.Equal(OfferStatus.Accepted, revision.Status);
        var contract = Assert.Single(await ContractsAsync(project));
        Assert.Equal(id, contract.OfferRevisionId);
        Assert.Equal(revision.AcceptedUtc, contract.CreatedUtc);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(contract.Pdf)), contract.Sha256);
        Assert.StartsWith("CN=MigrationPortal demo seal, O=Leverandøren AS", contract.CertificateSubject, StringComparison.Ordinal);

        // The seal verifies over the whole file, with the certificate the row names.
        var seal = SealVerifier.Verify(contract.Pdf);
        Assert.Equal(contract.CertificateThumbprint, seal.Certificate.Thumbprint);
        Assert.Equal(contract.CertificateSubject, seal.Certificate.Subject);

        // The offer's pages exactly as sent, then the acceptance page.
        using var offer = PdfDocument.Open(revision.PdfContent!);
        using var pdf = PdfDocument.Open(contract.Pdf);
        Assert.Equal(offer.NumberOfPages + 1, pdf.NumberOfPages);
        for (var i = 1; i <= offer.NumberOfPages; i++)
        {
            Assert.Equal(Words(offer.GetPage(i)), Words(pdf.GetPage(i)));
        }

        var page = Words(pdf.GetPage(pdf.NumberOfPages));
        Assert.Contains("Akseptert i kundeportalen", page, StringComparison.Ordinal);
        Assert.Contains("Navn skrevet inn ved aksept Ellen Aslaksen", page, StringComparison.Ordinal);
        Assert.Contains("Kontaktperson Ellen Aslaksen", page, StringComparison.Ordinal);
        Assert.Contains("Rolle/stilling Rådmann", page, StringComparison.Ordinal);
        Assert.Contains("Tromsø kommune, Org.nr. 971 141 018", page, StringComparison.Ordinal);
        Assert.Contains("16. november 2026 kl. 10:00:00 (Europe/Oslo)", page, StringComparison.Ordinal);
        Assert.Contains("IP-adresse 127.0.0.1", page, StringComparison.Ordinal);
        Assert.Contains($"{revision.Offer!.Number}, revisjon 1", page, StringComparison.Ordinal);
        Assert.Contains(revision.PdfSha256!, page.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("forseglet av leverandøren, Leverandøren AS", page, StringComparison.Ordinal);
        Assert.DoesNotContain("signert av", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("e-signatur", page, StringComparison.OrdinalIgnoreCase);
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct(), f => Assert.Contains("Liberation", f, StringComparison.Ordinal));

        // The offer page says the contract is made and where it is.
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        var (_, show) = await per.GetPageAsync($"/offers/{id}");
        var line = show.QuerySelector("#contract-made")!;
        Assert.Contains("Avtalen er laget og forseglet av leverandøren", line.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/projects/{project}/documents", line.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_declined_offer_or_a_refused_acceptance_makes_no_contract()
    {
        var (declinedProject, declined) = await SentOfferAsync("Tromsø kommune");
        var (refusedProject, refused) = await SentOfferAsync("Tromsø kommune");
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        using var per = await factory.LoginAsync(Demo.TromsoContact);

        Assert.Equal(HttpStatusCode.Redirect, (await ellen.PostFormAsync($"/offers/{declined}/decline", new() { ["reason"] = "For dyrt" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ellen.PostFormAsync($"/offers/{refused}/accept", new() { ["fullName"] = "Ellen", ["confirm"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await per.PostFormAsync($"/offers/{refused}/accept", new() { ["fullName"] = "Per Hansen", ["confirm"] = "true" })).StatusCode);

        Assert.Equal(OfferStatus.Declined, await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == declined).Select(r => r.Status).SingleAsync()));
        Assert.Empty(await ContractsAsync(declinedProject));
        Assert.Empty(await ContractsAsync(refusedProject));
        var (_, show) = await ellen.GetPageAsync($"/offers/{declined}");
        Assert.Null(show.QuerySelector("#contract-made"));
    }

    [Fact]
    public async Task An_english_customers_acceptance_page_and_seal_are_in_english()
    {
        await factory.WithDbAsync(async db =>
        {
            (await db.Customers.SingleAsync(c => c.Name == "Bærum kommune")).PreferredLanguage = "en";
            return await db.SaveChangesAsync();
        });
        var (project, id) = await SentOfferAsync("Bærum kommune");
        using var thomas = await factory.LoginAsync("thomas.gronli@baerum.kommune.example");

        Assert.Equal(HttpStatusCode.Redirect, (await thomas.PostFormAsync($"/offers/{id}/accept", new() { ["fullName"] = "Thomas Grønli", ["confirm"] = "true" })).StatusCode);

        var contract = Assert.Single(await ContractsAsync(project));
        SealVerifier.Verify(contract.Pdf);
        using var pdf = PdfDocument.Open(contract.Pdf);
        var page = Words(pdf.GetPage(pdf.NumberOfPages));
        Assert.Contains("Accepted in the customer portal", page, StringComparison.Ordinal);
        Assert.Contains("Name typed at acceptance Thomas Grønli", page, StringComparison.Ordinal);
        Assert.Contains("Bærum kommune, Org. no.", page, StringComparison.Ordinal);
        Assert.Contains("16 November 2026 10:00:00 (Europe/Oslo)", page, StringComparison.Ordinal);
        Assert.Contains("sealed by the vendor", page, StringComparison.Ordinal);
        Assert.Contains("/Accepted in the customer portal, sealed by the vendor", ReasonOf(contract.Pdf), StringComparison.Ordinal);
    }

    /// <summary>The signature dictionary's /Reason as written (an ASCII text is a literal string).</summary>
    private static string ReasonOf(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var at = text.IndexOf("/Reason(", StringComparison.Ordinal);
        return at < 0 ? string.Empty : "/" + text[(at + 8)..text.IndexOf(')', at)];
    }

    private sealed class BrokenSeal : ISealCertificate
    {
        public X509Certificate2 Get() => throw new CryptographicException("The seal's key is not available.");
    }

    [Fact]
    public async Task When_sealing_fails_nothing_of_the_acceptance_is_saved_and_the_customer_is_told_why()
    {
        var (project, id) = await SentOfferAsync("Tromsø kommune");
        await using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISealCertificate, BrokenSeal>()));
        using var ellen = PortalClient.For(broken);
        await ellen.LoginAsync(Demo.TromsoSigner);

        var response = await ellen.PostFormAsync($"/offers/{id}/accept", Acceptance);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/offers/{id}", response.Headers.Location!.ToString());
        var (_, show) = await ellen.GetPageAsync($"/offers/{id}");
        Assert.Contains("avtalen kunne ikke lages", show.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var state = await factory.WithDbAsync(async db => new
        {
            Revision = await db.OfferRevisions.AsNoTracking().SingleAsync(r => r.Id == id),
            Phase = await db.Projects.Where(p => p.Id == project).Select(p => p.Phase).SingleAsync(),
            Queued = await db.CloudQueue.AnyAsync(q => q.ProjectId == project),
            Contracts = await db.SignedContracts.CountAsync(c => c.ProjectId == project),
        });
        Assert.Equal(OfferStatus.Sent, state.Revision.Status);
        Assert.Null(state.Revision.AcceptedUtc);
        Assert.Equal(Phase.Intake, state.Phase);
        Assert.False(state.Queued);
        Assert.Equal(0, state.Contracts);

        // With the seal back, the same acceptance goes through.
        using var again = await factory.LoginAsync(Demo.TromsoSigner);
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostFormAsync($"/offers/{id}/accept", Acceptance)).StatusCode);
        Assert.Single(await ContractsAsync(project));
    }
}
