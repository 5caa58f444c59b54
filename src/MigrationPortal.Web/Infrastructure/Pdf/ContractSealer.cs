using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using MigrationPortal.Web.Infrastructure.Signing;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace MigrationPortal.Web.Infrastructure.Pdf;

/// <summary>
/// What the seal says, already translated: the reason and location PDF readers show, the vendor's name (the seal's
/// /Name) and the lines in the visible seal box on the last page.
/// </summary>
public sealed record SealText(string Title, string Language, string VendorName, string Reason, string Location, IReadOnlyList<string> BoxLines);

/// <summary>The sealed PDF, its SHA-256 (lowercase hex) and the certificate that sealed it.</summary>
public sealed record SealedPdf(byte[] Pdf, string Sha256, string CertificateSubject, string CertificateThumbprint);

/// <summary>
/// Puts PDFs together into one document and seals it with the vendor's certificate (a PDF digital signature over the
/// whole file), so any PDF reader shows whether it has been changed since.
/// </summary>
public interface IContractSealer
{
    Task<SealedPdf> SealAsync(IReadOnlyList<byte[]> parts, SealText text, CancellationToken ct);
}

/// <summary>
/// Imports every page of the parts into a new document and signs it with PDFsharp's digital signature support
/// (adbe.pkcs7.detached over the whole file but the signature itself, SHA-256, the signing time as a signed attribute).
/// </summary>
public sealed class PdfSharpContractSealer(ISealCertificate certificate, TimeProvider clock) : IContractSealer
{
    /// <summary>The visible seal: bottom left of the last page, above the footer of an A4 page drawn by <see cref="PdfSharpRenderer"/>.</summary>
    private static readonly XRect SealBox = new(50, 96, 330, 48);

    public async Task<SealedPdf> SealAsync(IReadOnlyList<byte[]> parts, SealText text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(text);
        EmbeddedFontResolver.Install();
        var cert = certificate.Get();
        using var pdf = new PdfDocument();
        pdf.Info.Title = text.Title;
        pdf.Info.Author = text.VendorName;
        pdf.Info.Creator = "MigrationPortal";
        pdf.Language = text.Language;
        foreach (var part in parts)
        {
            using var input = new MemoryStream(part, writable: false);
            using var source = PdfReader.Open(input, PdfDocumentOpenMode.Import);
            foreach (var page in source.Pages)
            {
                pdf.AddPage(page);
            }
        }

        ct.ThrowIfCancellationRequested();
        DigitalSignatureHandler.ForDocument(pdf, new CmsSha256Signer(cert, clock.GetUtcNow()), new DigitalSignatureOptions
        {
            Reason = text.Reason,
            Location = text.Location,
            ContactInfo = text.VendorName,
            AppName = "MigrationPortal",
            PageIndex = pdf.PageCount - 1,
            Rectangle = SealBox,
            AppearanceHandler = new SealAppearance(pdf, text),
        });

        using var output = new MemoryStream();
        await pdf.SaveAsync(output);
        var bytes = output.ToArray();
        return new SealedPdf(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), cert.Subject, cert.Thumbprint);
    }

    /// <summary>
    /// A CMS signature with signed attributes (content type, message digest, signing time), as PDF readers expect.
    /// PDFsharp's own <see cref="PdfSharpDefaultSigner"/> signs the content without signed attributes and puts the signing
    /// time, from the machine's clock, among the unsigned ones.
    /// </summary>
    private sealed class CmsSha256Signer(X509Certificate2 certificate, DateTimeOffset signingTime) : IDigitalSigner
    {
        /// <summary>Room for an RSA or ECDSA signature of any length the test of an empty content did not show.</summary>
        private const int Slack = 64;

        public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false);

        public async Task<int> GetSignatureSizeAsync() => (await GetSignatureAsync(new MemoryStream([0]))).Length + Slack;

        public Task<byte[]> GetSignatureAsync(Stream stream)
        {
            var content = new byte[stream.Length];
            stream.Position = 0;
            stream.ReadExactly(content);
            var cms = new SignedCms(new ContentInfo(content), detached: true);

            // A self-signed seal (development) is its own root: include it, or readers have nothing to check with.
            var selfSigned = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
            var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
            {
                DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
                IncludeOption = selfSigned ? X509IncludeOption.EndCertOnly : X509IncludeOption.ExcludeRoot,
            };
            signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
            cms.ComputeSignature(signer, silent: true);
            return Task.FromResult(cms.Encode());
        }
    }

    /// <summary>Draws the seal box in the embedded font; it also names the vendor in the signature dictionary (/Name).</summary>
    private sealed class SealAppearance(PdfDocument pdf, SealText text) : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
            // PDFsharp builds the signature dictionary just before it draws this; DigitalSignatureOptions has no /Name.
            foreach (var signature in pdf.Internals.GetAllObjects().OfType<PdfSignature2>())
            {
                signature.Elements.SetString("/Name", text.VendorName);
            }

            var box = new XRect(0.5, 0.5, rect.Width - 1, rect.Height - 1);
            gfx.DrawRectangle(new XPen(XColor.FromArgb(0, 60, 100), 1), box);
            var formatter = new XTextFormatter(gfx);
            formatter.DrawString(string.Join('\n', text.BoxLines), new XFont(EmbeddedFontResolver.Family, 8), XBrushes.Black,
                new XRect(6, 5, rect.Width - 12, rect.Height - 10), XStringFormats.TopLeft);
        }
    }
}
