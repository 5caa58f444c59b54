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

/// <summary>Turns an offer revision into the flat document the PDF renderer draws, in the offer's language.</summary>
public sealed class OfferPdf(PortalDb db, IStringLocalizer<SharedResource> l, IPdfRenderer renderer, IOptions<VendorOptions> vendor) : IOfferDocument
{
    public async Task<byte[]> RenderAsync(int revisionId, CancellationToken ct) => (await RenderWithNumberAsync(revisionId, ct)).Pdf;

    /// <summary>The PDF with the offer's number and the revision's, for its file name, from the same read.</summary>
    public async Task<(byte[] Pdf, string Number, int Revision)> RenderWithNumberAsync(int revisionId, CancellationToken ct)
    {
        // Split: in one statement every activity row repeats once per yearly cost (hundreds of rows for a long offer).
        var r = await db.OfferRevisions.AsNoTracking().Include(x => x.Offer).Include(x => x.Activities).Include(x => x.YearlyCosts)
            .AsSplitQuery().SingleAsync(x => x.Id == revisionId, ct);
        var customers = await db.ProjectCustomers.AsNoTracking().Where(pc => pc.ProjectId == r.Offer!.ProjectId).OrderBy(pc => pc.Customer!.Name)
            .Select(pc => pc.Customer!).ToListAsync(ct);
        var contact = r.VendorContactUserId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == r.VendorContactUserId).Select(u => new { u.DisplayName, u.Email, u.PhoneNumber }).SingleOrDefaultAsync(ct);
        using var scope = new CultureScope(r.Language);
        var v = vendor.Value;
        var culture = CultureInfo.CurrentCulture;
        string Money(decimal m) => Display.Money(m, culture);

        var first = customers.FirstOrDefault();
        var recipient = new List<string>();
        foreach (var c in customers)
        {
            recipient.Add(c.Name);
            recipient.Add($"{l["Pdf.OrgNumber"]} {OrgNumber.Format(c.OrgNumber)}");
        }

        if (customers.Count == 1 && first is not null)
        {
            if (first.StreetAddress is not null)
            {
                recipient.Add(first.StreetAddress);
            }

            recipient.Add($"{first.PostalCode} {first.City}".Trim());
        }

        var facts = new List<(string, string)>
        {
            (l["Pdf.OfferNumber"], r.Offer!.Number),
            (l["Pdf.Revision"], r.Revision.ToString(culture)),
            (l["Pdf.Date"], Display.Date(DateOnly.FromDateTime(Display.ToOslo(r.SentUtc ?? r.CreatedUtc)))),
            (l["Pdf.ValidUntil"], Display.Date(r.ValidUntil)),
        };
        if (r.Status == OfferStatus.Draft)
        {
            facts.Add((l["Pdf.Status"], l["Pdf.Draft"]));
        }

        var blocks = new List<PdfBlock> { new PdfHeading(r.Title) };
        if (!string.IsNullOrWhiteSpace(r.Summary))
        {
            blocks.Add(new PdfParagraph(r.Summary));
        }

        var net = r.OneOffTotal;
        blocks.Add(new PdfHeading(l["Pdf.Activities"]));
        blocks.Add(new PdfTable(
            [new PdfColumn(l["Pdf.Activity"], 5), new PdfColumn(l["Pdf.Quantity"], 2, PdfAlign.Right), new PdfColumn(l["Pdf.UnitPrice"], 2, PdfAlign.Right), new PdfColumn(l["Pdf.Weeks"], 1, PdfAlign.Right), new PdfColumn(l["Pdf.Amount"], 2.2, PdfAlign.Right)],
            r.Activities.OrderBy(a => a.SortOrder).Select(a => (IReadOnlyList<string>)
            [
                a.Description,
                a.PriceKind == PriceKind.Fixed ? l["Pdf.FixedPrice"] : $"{a.Quantity.ToString("0.##", culture)} {a.Unit}".Trim(),
                a.PriceKind == PriceKind.Fixed ? string.Empty : Money(a.UnitPrice),
                a.DurationWeeks?.ToString(culture) ?? string.Empty,
                Money(a.Total),
            ]).ToList(),
            [
                [l["Pdf.TotalExVat"], string.Empty, string.Empty, string.Empty, Money(net)],
                [l["Pdf.Vat"], string.Empty, string.Empty, string.Empty, Money(OfferRevision.Vat(net))],
                [l["Pdf.TotalIncVat"], string.Empty, string.Empty, string.Empty, Money(net + OfferRevision.Vat(net))],
            ]));

        var yearly = r.YearlyTotal;
        blocks.Add(new PdfHeading(l["Pdf.YearlyCosts"]));
        blocks.Add(new PdfParagraph(l["Pdf.YearlyIntro"]));
        blocks.Add(new PdfTable(
            [new PdfColumn(l["Pdf.Item"], 7), new PdfColumn(l["Pdf.PerYear"], 3, PdfAlign.Right)],
            r.YearlyCosts.OrderBy(c => c.SortOrder).Select(c => (IReadOnlyList<string>)[c.Description, Money(c.AmountPerYear)]).ToList(),
            [
                [l["Pdf.TotalPerYearExVat"], Money(yearly)],
                [l["Pdf.TotalPerYearIncVat"], Money(yearly + OfferRevision.Vat(yearly))],
            ]));

        blocks.Add(new PdfHeading(l["Pdf.Timeframe"]));
        var timeframe = new List<(string, string)>();
        if (r.EstimatedStartMonth is { } start)
        {
            timeframe.Add((l["Pdf.EstimatedStart"], start.ToString("MMMM yyyy", culture)));
        }

        if (r.EstimatedDurationWeeks is { } weeks)
        {
            timeframe.Add((l["Pdf.Duration"], l["Pdf.WeeksValue", weeks]));
        }

        if (timeframe.Count > 0)
        {
            blocks.Add(new PdfFacts(timeframe));
        }

        if (!string.IsNullOrWhiteSpace(r.Caveats))
        {
            blocks.Add(new PdfParagraph(r.Caveats));
        }

        if (!string.IsNullOrWhiteSpace(r.Terms))
        {
            blocks.Add(new PdfHeading(l["Pdf.Terms"]));
            blocks.Add(new PdfParagraph(r.Terms));
        }

        if (contact is not null)
        {
            blocks.Add(new PdfHeading(l["Pdf.Contact"]));
            blocks.Add(new PdfParagraph(string.Join(", ", new[] { contact.DisplayName, contact.Email, contact.PhoneNumber }.Where(s => !string.IsNullOrEmpty(s)))));
        }

        blocks.Add(new PdfBox(l["Pdf.Acceptance"],
        [
            l["Pdf.AcceptanceText", r.Offer.Number, r.Revision],
            l["Pdf.AcceptanceHow"],
            $"{l["Pdf.Name"]}: ________________________________   {l["Pdf.Date"]}: ______________",
        ]));

        var senderLines = v.AddressLines.ToList();
        if (v.OrgNumber is not null)
        {
            senderLines.Add($"{l["Pdf.OrgNumber"]} {v.OrgNumber}");
        }

        var model = new PdfDocumentModel(
            $"{l["Pdf.OfferTitle"]} {r.Offer.Number} rev. {r.Revision}",
            r.Language,
            new Letterhead(v.Name, senderLines, recipient, facts),
            blocks,
            $"{v.Name} · {l["Pdf.OfferTitle"]} {r.Offer.Number} rev. {r.Revision}",
            l["Pdf.PageOf"])
        { ReplacedCharactersNote = l["Pdf.ReplacedCharacters"] };
        return (renderer.Render(model), r.Offer.Number, r.Revision);
    }
}
