using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Tests.Input;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace MigrationPortal.Tests.Pdf;

/// <summary>
/// Every character a web page shows is in the PDF: drawn in Liberation Sans or the embedded fallback, or shown as □ and
/// named by its code point in a note at the end. Text is read back with PdfPig.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class PdfCharacterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Emoji (with a joiner sequence and a flag), Sámi, Arabic, Hebrew with a direction override, a heart from the dingbats.</summary>
    private const string Mixed = "Tilbud 🙂 👩‍💻 🇳🇴 ❤ Guovdageaidnu ŋ ŧ đ č š ž á مرحبا بكم \u202Eשלום\u202C";

    [Fact]
    public void A_document_draws_what_its_fonts_have_and_names_what_they_do_not()
    {
        var model = new PdfDocumentModel(Mixed, "nb-NO", new Letterhead("Leverandøren AS", ["Skyveien 1"], [Mixed], [("Tilbud", Mixed)]),
            [new PdfHeading(Mixed), new PdfParagraph(Mixed), new PdfTable([new PdfColumn("Aktivitet", 3), new PdfColumn("Beløp", 1, PdfAlign.Right)], [[Mixed, Mixed]], [])],
            "Bunntekst " + Mixed, "Side {0} av {1}")
        {
            ReplacedCharactersNote = "Noen tegn finnes ikke i skrifttypene i PDF-en og er vist som □: {0}.",
        };

        var text = Text(new PdfSharpRenderer().Render(model));

        AssertEveryCharacterShownOrNamed(text, Mixed);
        Assert.Contains("مرحبا", text, StringComparison.Ordinal);
        Assert.Contains("ŋ ŧ đ č š ž á", text, StringComparison.Ordinal);
        Assert.Contains("❤", text, StringComparison.Ordinal);
        Assert.Contains("vistsom□:U+1F1F3,U+1F1F4,U+1F469,U+1F4BB,U+1F642.", Compact(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_whose_fonts_have_every_character_has_no_note()
    {
        var model = new PdfDocumentModel("Vågå", "nb-NO", new Letterhead("Leverandøren AS", [], ["Sør-Fron"], []), [new PdfParagraph("Čáhcesuolu ŋ, ❤ og مرحبا")], "Bunntekst", "Side {0} av {1}")
        {
            ReplacedCharactersNote = "Noen tegn er vist som □: {0}.",
        };

        var text = Text(new PdfSharpRenderer().Render(model));

        Assert.DoesNotContain("□", text, StringComparison.Ordinal);
        Assert.Contains("Čáhcesuolu ŋ, ❤ og مرحبا", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_titled_with_emoji_sami_arabic_hebrew_and_a_nul_reads_back_from_its_pdf()
    {
        var id = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Offer!.Project!.Name.StartsWith("Kystverket") && r.Status == OfferStatus.Draft).Select(r => r.Id).SingleAsync());
        using var sales = await factory.LoginAsync(Demo.Sales);
        var probe = new FormProbe(factory, sales, new FormCase("offer", Demo.Sales, _ => Task.FromResult($"/offers/{id}/edit")));
        var (action, fields, token) = await probe.ReadFormAsync();

        var saved = await probe.PostAsync(action, fields, token, "Title", new Probe("mixed", Mixed + "\0", null));
        var pdf = await sales.GetAsync($"/offers/{id}/pdf");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Mixed, await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == id).Select(r => r.Title).SingleAsync()));
        var text = Text(await pdf.Content.ReadAsByteArrayAsync());
        AssertEveryCharacterShownOrNamed(text, Mixed);
        Assert.Contains("vistsom□:U+1F1F3,U+1F1F4,U+1F469,U+1F4BB,U+1F642.", Compact(text), StringComparison.Ordinal);
        Assert.DoesNotContain("\0", text, StringComparison.Ordinal);
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Text(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    /// <summary>Each visible character is in the text, or the note names it (invisible ones, such as a joiner, draw nothing anywhere).</summary>
    private static void AssertEveryCharacterShownOrNamed(string text, string typed)
    {
        foreach (var rune in typed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format || rune.Value is >= 0xFE00 and <= 0xFE0F)
            {
                continue;
            }

            var named = $"U+{rune.Value:X4}";
            Assert.True(text.Contains(rune.ToString(), StringComparison.Ordinal) || text.Contains(named, StringComparison.Ordinal), $"{named} is neither drawn nor named");
        }
    }
}
