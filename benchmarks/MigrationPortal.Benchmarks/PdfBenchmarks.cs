using BenchmarkDotNet.Attributes;
using MigrationPortal.Web.Infrastructure.Pdf;

namespace MigrationPortal.Benchmarks;

/// <summary>How fast and how heavy an offer PDF is: a two-page offer and a long one that breaks its table over pages.</summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private readonly PdfSharpRenderer renderer = new();
    private PdfDocumentModel twoPages = null!;
    private PdfDocumentModel longTable = null!;

    [GlobalSetup]
    public void Setup()
    {
        twoPages = Model(8);
        longTable = Model(120);
    }

    [Benchmark(Baseline = true)]
    public byte[] OfferTwoPages() => renderer.Render(twoPages);

    [Benchmark]
    public byte[] OfferLongTable() => renderer.Render(longTable);

    private static PdfDocumentModel Model(int rows) => new(
        "Tilbud T-2026-0001 rev. 1",
        "nb-NO",
        new Letterhead("Leverandøren AS", ["Skyveien 1", "0150 Oslo"], ["Sør-Fron kommune", "Org.nr. 938 821 003", "Nord-Fron kommune", "Org.nr. 940 011 000"], [("Tilbudsnummer", "T-2026-0001"), ("Revisjon", "1")]),
        [
            new PdfHeading("Engangsaktiviteter i innføringsprosjektet"),
            new PdfTable(
                [new PdfColumn("Aktivitet", 5), new PdfColumn("Antall", 2, PdfAlign.Right), new PdfColumn("Enhetspris", 2, PdfAlign.Right), new PdfColumn("Uker", 1, PdfAlign.Right), new PdfColumn("Beløp", 2.2, PdfAlign.Right)],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"Aktivitet {i}: migrering og test av data", "24 timer", "kr 1 450,00", "2", "kr 34 800,00"]).ToList(),
                [["Sum eks. mva.", "", "", "", "kr 278 400,00"]]),
            new PdfHeading("Vilkår"),
            new PdfParagraph(string.Join(' ', Enumerable.Repeat("Alle priser er i norske kroner eksklusive merverdiavgift.", 12))),
            new PdfBox("Aksept", ["Tilbud T-2026-0001, revisjon 1, aksepteres på vegne av virksomheten.", "Navn: ________________   Dato: ________"]),
        ],
        "Leverandøren AS · Tilbud T-2026-0001 rev. 1",
        "Side {0} av {1}");
}
