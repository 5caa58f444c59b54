using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Pdf;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>
/// The contract made at acceptance: the accepted offer PDF, exactly as sent, followed by an acceptance page (who
/// accepted, for which organisation, when in Oslo time, from which address, and the offer PDF's SHA-256), sealed by the
/// vendor's certificate. It is acceptance in the portal sealed by the vendor, not the customer's e-signature, and the
/// texts say so. The page and the seal are in the offer's language.
/// </summary>
public static partial class SealContract
{
    public sealed partial class Handler(
        PortalDb db, IPdfRenderer renderer, IContractSealer sealer, IStringLocalizer<SharedResource> l,
        IOptions<VendorOptions> vendor, IOptions<PortalOptions> portal, ILogger<Handler> logger)
    {
        /// <summary>
        /// Adds the sealed contract of an accepted revision (its acceptance already recorded on it) to the unit of work,
        /// so it is saved with the acceptance or not at all. False when sealing failed; the reason is logged.
        /// </summary>
        public async Task<bool> AddAsync(OfferRevision revision, Contact contact, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(revision);
            ArgumentNullException.ThrowIfNull(contact);
            try
            {
                var customer = await db.Customers.AsNoTracking().Where(c => c.Id == contact.CustomerId).Select(c => new { c.Name, c.OrgNumber }).SingleAsync(ct);
                byte[] page;
                SealText text;
                using (new CultureScope(revision.Language))
                {
                    page = renderer.Render(AcceptancePage(revision, contact, customer.Name, customer.OrgNumber));
                    text = Seal(revision);
                }

                var contract = await sealer.SealAsync([revision.PdfContent!, page], text, ct);
                db.SignedContracts.Add(new SignedContract
                {
                    ProjectId = revision.Offer!.ProjectId,
                    OfferRevisionId = revision.Id,
                    CreatedUtc = revision.AcceptedUtc!.Value,
                    Pdf = contract.Pdf,
                    Sha256 = contract.Sha256,
                    CertificateSubject = contract.CertificateSubject,
                    CertificateThumbprint = contract.CertificateThumbprint,
                });
                LogSealed(logger, revision.Offer.Number, revision.Revision, contract.CertificateThumbprint, contract.Sha256);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSealFailed(logger, e, revision.Id);
                return false;
            }
        }

        private PdfDocumentModel AcceptancePage(OfferRevision r, Contact contact, string customerName, string orgNumber)
        {
            var v = vendor.Value;
            var culture = CultureInfo.CurrentCulture;
            var number = r.Offer!.Number;
            var sender = v.AddressLines.ToList();
            if (v.OrgNumber is { Length: > 0 } vendorOrg)
            {
                sender.Add($"{l["Pdf.OrgNumber"]} {OrgNumber.Format(vendorOrg)}");
            }

            var organisation = $"{customerName}, {l["Pdf.OrgNumber"]} {OrgNumber.Format(orgNumber)}";
            return new PdfDocumentModel(
                l["Contract.Title", number, r.Revision],
                culture.Name,
                new Letterhead(v.Name, sender, [customerName, $"{l["Pdf.OrgNumber"]} {OrgNumber.Format(orgNumber)}"],
                    [(l["Pdf.OfferNumber"], number), (l["Pdf.Revision"], r.Revision.ToString(culture))]),
                [
                    new PdfHeading(l["Contract.Heading"]),
                    new PdfParagraph(l["Contract.Intro", number, r.Revision]),
                    new PdfFacts(
                    [
                        (l["Contract.TypedName"], r.AcceptedByName ?? string.Empty),
                        (l["Contract.Contact"], contact.Name),
                        (l["Contract.Role"], string.IsNullOrWhiteSpace(contact.Title) ? "–" : contact.Title),
                        (l["Contract.Organisation"], organisation),
                        (l["Contract.Time"], OsloTime(r.AcceptedUtc!.Value, culture)),
                        (l["Contract.Ip"], r.AcceptedFromIp ?? "–"),
                        (l["Contract.Offer"], l["Contract.OfferValue", number, r.Revision]),
                        (l["Contract.Hash"], r.PdfSha256!),
                    ]),
                    new PdfParagraph(l["Contract.SealExplained", v.Name]),
                ],
                l["Contract.Footer", number, r.Revision],
                string.Empty)
            { ReplacedCharactersNote = l["Pdf.ReplacedCharacters"] };
        }

        private SealText Seal(OfferRevision r) => new(
            l["Contract.Title", r.Offer!.Number, r.Revision],
            CultureInfo.CurrentCulture.Name,
            vendor.Value.Name,
            l["Contract.SealReason"],
            portal.Value.PublicUrl,
            [l["Contract.SealReason"], vendor.Value.Name, $"{l["Contract.Time"]}: {OsloTime(r.AcceptedUtc!.Value, CultureInfo.CurrentCulture)}"]);

        /// <summary>To the second, in Europe/Oslo, saying so.</summary>
        private static string OsloTime(DateTime utc, CultureInfo culture) =>
            Display.ToOslo(utc).ToString(culture.TwoLetterISOLanguageName == "en" ? "d MMMM yyyy HH:mm:ss" : "d. MMMM yyyy 'kl.' HH:mm:ss", culture) + " (Europe/Oslo)";

        [LoggerMessage(Level = LogLevel.Information, Message = "Contract for offer {OfferNumber} revision {Revision} sealed with certificate {Thumbprint}, SHA-256 {Sha256}")]
        private static partial void LogSealed(ILogger logger, string offerNumber, int revision, string thumbprint, string sha256);

        [LoggerMessage(Level = LogLevel.Error, Message = "Sealing the contract of offer revision {RevisionId} failed; the acceptance is not saved")]
        private static partial void LogSealFailed(ILogger logger, Exception exception, int revisionId);
    }
}
