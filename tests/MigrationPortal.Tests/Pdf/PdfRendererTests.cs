using MigrationPortal.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace MigrationPortal.Tests.Pdf;

public sealed class PdfRendererTests
{
    private static PdfDocumentModel Model(int rows) => new(
        "Tilbud T-2026-0001",
        "nb-NO",
        new Letterhead("Leverandøren AS", ["Skyveien 1", "0150 Oslo"], ["Sør-Fron kommune", "Org.nr. 938 821 003", "Kongsvegen 325", "2647 Sør-Fron"], [("Tilbud", "T-2026-0001"), ("Revisjon", "2")]),
        [
            new PdfHeading("Engangsaktiviteter"),
            new PdfParagraph("Vi har gleden av å tilby Sør-Fron, Nord-Fron og Ringebu skydrift av WebSak. Æ, ø og å, Sámi: Čáhcesuolu, Ŋ."),
            new PdfTable(
                [new PdfColumn("Aktivitet", 4), new PdfColumn("Uker", 1, PdfAlign.Right), new PdfColumn("Beløp", 2, PdfAlign.Right)],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"Aktivitet nummer {i} med en lang beskrivelse som må brytes over flere linjer i cellen", $"{i}", $"kr {i} 000,00"]).ToList(),
                [["Sum", "", "kr 99 000,00"]]),
            new PdfBox("Aksept", ["Navn: ______________________", "Dato: ______________________"]),
        ],
        "Tilbud T-2026-0001 rev. 2",
        "Side {0} av {1}");

    [Fact]
    public void Text_is_extractable_with_norwegian_and_sami_letters_and_fonts_are_embedded()
    {
        var bytes = new PdfSharpRenderer().Render(Model(3));
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Sør-Fron kommune", text, StringComparison.Ordinal);
        Assert.Contains("Æ,øogå", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Čáhcesuolu", text, StringComparison.Ordinal);
        Assert.Contains("Side1av1", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct(), f => Assert.Contains("Liberation", f, StringComparison.Ordinal));
        Assert.Equal("nb-NO", pdf.Structure.Catalog.CatalogDictionary.Get<UglyToad.PdfPig.Tokens.StringToken>(UglyToad.PdfPig.Tokens.NameToken.Lang, pdf.Structure.TokenScanner).Data);
    }

    [Fact]
    public void A_long_table_continues_on_the_next_page_with_its_header_and_every_page_is_numbered()
    {
        var bytes = new PdfSharpRenderer().Render(Model(60));

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            var compact = pages[i].Text.Replace(" ", string.Empty, StringComparison.Ordinal);
            Assert.Contains($"Side{i + 1}av{pages.Count}", compact, StringComparison.Ordinal);
        }

        // Every page the table runs over starts with its header row again.
        var tablePages = pages.Where(p => p.Text.Contains("Aktivitet nummer", StringComparison.Ordinal)).ToList();
        Assert.True(tablePages.Count >= 2);
        Assert.All(tablePages, p => Assert.Contains("AktivitetUkerBeløp", p.Text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Contains("Aktivitet nummer 60", string.Join(" ", pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_wider_than_its_column_is_broken_instead_of_spilling_over()
    {
        var url = "https://portal.example/" + new string('q', 300);
        var model = Model(1) with { Blocks = [new PdfTable([new PdfColumn("Lenke", 1), new PdfColumn("Beløp", 1, PdfAlign.Right)], [[url, "kr 1,00"]], [])] };

        var bytes = new PdfSharpRenderer().Render(model);

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var rightEdgeOfFirstColumn = page.Width / 2;
        var urlLetters = page.Letters.Where(l => l.Value == "q").ToList();
        Assert.Equal(300, urlLetters.Count);
        Assert.All(urlLetters, l => Assert.True(l.BoundingBox.Right <= rightEdgeOfFirstColumn, $"q at {l.BoundingBox.Right}"));
    }
}
