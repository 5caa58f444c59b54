using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Infrastructure.Pdf;
using MigrationPortal.Web.Infrastructure.Signing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Tokens;

namespace MigrationPortal.Tests.Pdf;

/// <summary>The seal itself: pages kept, text readable, and a signature that verifies until one byte changes.</summary>
public sealed class ContractSealerTests
{
    private static readonly X509Certificate2 Certificate = DevelopmentSealCertificate.Create("Leverandøren AS", PortalFactoryInstant);

    private static DateTimeOffset PortalFactoryInstant => Infrastructure.PortalFactory.Instant;

    private sealed class FixedCertificate(X509Certificate2 certificate) : ISealCertificate
    {
        public X509Certificate2 Get() => certificate;
    }

    private static byte[] Document(string title, int rows) => new PdfSharpRenderer().Render(new PdfDocumentModel(
        title, "nb-NO", new Letterhead("Leverandøren AS", ["Skyveien 1"], ["Tromsø kommune"], [("Tilbud", "T-2026-0042")]),
        [new PdfHeading(title), new PdfTable([new PdfColumn("Aktivitet", 1)], Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"Rad {i} i {title}"]).ToList(), [])],
        title, "Side {0} av {1}"));

    private static readonly SealText Text = new("Avtale T-2026-0042", "nb-NO", "Leverandøren AS", "Akseptert i kundeportalen, forseglet av leverandøren", "https://portal.example",
        ["Akseptert i kundeportalen, forseglet av leverandøren", "Leverandøren AS", "Tidspunkt: 16. november 2026 kl. 10:00:00 (Europe/Oslo)"]);

    private static async Task<(byte[] Offer, SealedPdf Sealed)> SealAsync()
    {
        var offer = Document("Tilbudet", 70);
        var acceptance = Document("Akseptert av Ærlige Åse Øvrebø", 1);
        var sealer = new PdfSharpContractSealer(new FixedCertificate(Certificate), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(PortalFactoryInstant));
        return (offer, await sealer.SealAsync([offer, acceptance], Text, CancellationToken.None));
    }

    [Fact]
    public async Task The_sealed_pdf_has_every_page_of_the_parts_in_order_with_their_text_and_embedded_fonts()
    {
        var (offer, result) = await SealAsync();

        using var source = PdfDocument.Open(offer);
        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.True(source.NumberOfPages >= 2);
        Assert.Equal(source.NumberOfPages + 1, pdf.NumberOfPages);
        for (var i = 1; i <= source.NumberOfPages; i++)
        {
            Assert.Equal(source.GetPage(i).Text, pdf.GetPage(i).Text);
        }

        Assert.Contains("Akseptert av Ærlige Åse Øvrebø", pdf.GetPage(pdf.NumberOfPages).Text, StringComparison.Ordinal);
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct(), f => Assert.Contains("Liberation", f, StringComparison.Ordinal));
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(result.Pdf), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(result.Pdf)), result.Sha256);
        Assert.Equal(Certificate.Subject, result.CertificateSubject);
        Assert.Equal(Certificate.Thumbprint, result.CertificateThumbprint);
    }

    [Fact]
    public async Task The_signature_covers_the_whole_file_and_verifies_with_the_vendors_certificate()
    {
        var (_, result) = await SealAsync();

        var seal = SealVerifier.Verify(result.Pdf);

        Assert.Equal(Certificate.Thumbprint, seal.Certificate.Thumbprint);
        Assert.Contains("O=Leverandøren AS", seal.Certificate.Subject, StringComparison.Ordinal);
        Assert.Equal(32, seal.MessageDigest.Length);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public async Task Changing_one_byte_anywhere_in_the_covered_ranges_breaks_the_seal(double where)
    {
        var (_, result) = await SealAsync();
        var range = SealVerifier.Verify(result.Pdf).ByteRange;
        var tampered = result.Pdf.ToArray();
        var covered = range[1] + range[3];
        var offset = (long)(covered * where);
        var index = (int)(offset < range[1] ? offset : range[2] + (offset - range[1]));

        // A digit stays a digit and a letter a letter, so the file still parses: only the seal can tell.
        tampered[index] = (byte)(tampered[index] is >= (byte)'0' and <= (byte)'8' or >= (byte)'a' and <= (byte)'y' or >= (byte)'A' and <= (byte)'Y' ? tampered[index] + 1 : tampered[index] ^ 0x01);

        Assert.Throws<CryptographicException>(() => SealVerifier.Verify(tampered));
    }

    [Fact]
    public async Task Readers_see_the_reason_the_location_and_the_vendor_in_the_signature_field_on_the_last_page()
    {
        var (_, result) = await SealAsync();

        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.True(pdf.TryGetForm(out var form));
        var field = Assert.Single(form.Fields.OfType<AcroSignatureField>());
        var v = (DictionaryToken)pdf.Structure.GetObject(((IndirectReferenceToken)field.Dictionary.Data["V"]).Data).Data;
        string Text(string key) => v.Data[key] switch
        {
            StringToken s => s.Data,
            HexToken h => h.Data,
            var other => other.ToString()!,
        };

        Assert.Equal("Akseptert i kundeportalen, forseglet av leverandøren", Text("Reason"));
        Assert.Equal("https://portal.example", Text("Location"));
        Assert.Equal("Leverandøren AS", Text("Name"));
        Assert.Equal("/adbe.pkcs7.detached", "/" + ((NameToken)v.Data["SubFilter"]).Data);
        Assert.Equal(pdf.NumberOfPages, field.PageNumber);
    }

    /// <summary>
    /// poppler's pdfsig, a PDF reader's own check (Debian: poppler-utils). CI installs it and must run this; a developer
    /// machine without it skips the reader's check (the cryptographic verification above always runs).
    /// </summary>
    [Fact]
    public async Task Poppler_reports_the_signature_valid_where_pdfsig_is_installed()
    {
        if (!File.Exists("/usr/bin/pdfsig"))
        {
            Assert.False(TestEnvironment.IsCi, "CI=true but /usr/bin/pdfsig is missing: .ci/run installs poppler-utils so a PDF reader checks the seal.");
            return;
        }

        var (_, result) = await SealAsync();
        var file = Path.Combine(Path.GetTempPath(), $"mp-seal-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, result.Pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdfsig", [file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Contains("Signature is Valid", output, StringComparison.Ordinal);
            Assert.Contains("Total document signed", output, StringComparison.Ordinal);
            Assert.Contains("Signing Time: Nov 16 2026 09:00:00", output, StringComparison.Ordinal);
            Assert.Contains("Signer full Distinguished Name: CN=MigrationPortal demo seal,O=Leverandøren AS", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
