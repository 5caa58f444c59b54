using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Documents;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace MigrationPortal.Tests.Pdf;

public sealed class PlanPdfTests
{
    private const string Sami = "čđŋšŧž ČĐŊŠŦŽ";

    private static readonly DateOnly Start = new(2026, 11, 16);

    private static readonly IStringLocalizer L = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();

    private static readonly VendorOptions Vendor = new() { Name = "Leverandøren AS", AddressLines = ["Skyveien 1", "0150 Oslo"], OrgNumber = "999 888 771" };

    /// <summary>A plan of <paramref name="steps"/> steps over the phases, a week apart, with every milestone on the first steps.</summary>
    public static PlanPdf.Data Plan(int steps, int daysApart = 2, string language = "nb-NO") => new(
        "Guovdageaidnu og Áltá: WebSak i sky",
        language,
        2,
        Start,
        [new("Guovdageaidnu suohkan", "964983291"), new("Áltá gielda / Alta kommune", "944588132")],
        ["WebSak", "Skjemaverktøy"],
        new("Marte Solberg", null, string.Empty, "marte@leverandor.example", "+47 900 00 000"),
        [new("Máret Ŋuvttá", "Arkivleder", "Guovdageaidnu suohkan", "maret@example.no", "+47 78 48 80 00"), new("Ærlige Øystein Åsen", "IT", "Áltá gielda / Alta kommune", "oystein@example.no", null)],
        Enumerable.Range(1, steps).Select(i => new PlanPdf.Step(
            (Phase)(1 + (i * 4 / (steps + 1))),
            $"Steg {i} {(i == 1 ? Sami : "æøå ÆØÅ")}",
            i % 3 == 0 ? "Beskrivelse som er lang nok til å bli brutt over to linjer i tabellen over aktivitetene i planen." : null,
            (StepStatus)(i % 4),
            i % 2 == 0 ? ResponsibleParty.Customer : ResponsibleParty.Vendor,
            Start.AddDays(i * daysApart),
            Start.AddDays((i * daysApart) + 10),
            i <= 7 ? (MilestoneKind)i : null)).ToList());

    private static byte[] Render(PlanPdf.Data plan)
    {
        var bytes = RenderOnly(plan);
        if (Environment.GetEnvironmentVariable("MP_PDF_OUT") is { Length: > 0 } dir)
        {
            File.WriteAllBytes(Path.Combine(dir, $"plan-{plan.Steps.Count}-{plan.Language}.pdf"), bytes);
        }

        return bytes;
    }

    private static byte[] RenderOnly(PlanPdf.Data plan)
    {
        using var scope = new CultureScope(plan.Language);
        return new PdfSharpRenderer().Render(PlanPdf.Compose(plan, Vendor, L));
    }

    private static string Words(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    [Fact]
    public void Steps_milestones_contacts_and_norwegian_and_sami_letters_read_back_exactly_in_the_embedded_font()
    {
        var bytes = Render(Plan(12));

        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().Select(Words));
        Assert.Contains("Guovdageaidnu suohkan", text, StringComparison.Ordinal);
        Assert.Contains("Áltá gielda", text, StringComparison.Ordinal);
        Assert.Contains("Org.nr. 964 983 291", text, StringComparison.Ordinal);
        Assert.Contains($"Steg 1 {Sami}", text, StringComparison.Ordinal);
        Assert.Contains("Steg 12 æøå ÆØÅ", text, StringComparison.Ordinal);
        Assert.Contains("Máret Ŋuvttá", text, StringComparison.Ordinal);
        Assert.Contains("Ærlige Øystein", text, StringComparison.Ordinal);
        Assert.Contains("Åsen", text, StringComparison.Ordinal);
        Assert.Contains("Marte Solberg", text, StringComparison.Ordinal);
        Assert.Contains("Prosjektleder, din", text, StringComparison.Ordinal);
        Assert.Contains("WebSak, Skjemaverktøy", text, StringComparison.Ordinal);

        // Milestones with their dates: kickoff on its start, test sign-off on its due date.
        Assert.Contains("Oppstartsmøte 18. nov. 2026 Steg 1", text, StringComparison.Ordinal);
        Assert.Contains("Testen er godkjent 2. des. 2026 Steg 3", text, StringComparison.Ordinal);
        Assert.Contains("Fase 2: Etablering, testing og opplæring", text, StringComparison.Ordinal);
        Assert.Contains("Framdriftsplan uke for uke", text, StringComparison.Ordinal);
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct(), f => Assert.Contains("Liberation", f, StringComparison.Ordinal));
    }

    [Fact]
    public void The_embedded_font_has_a_glyph_for_every_norwegian_and_sami_letter()
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream("MigrationPortal.Fonts.LiberationSans-Regular.ttf")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var glyphs = UnicodeGlyphs(memory.ToArray());

        Assert.All("æøåÆØÅáÁčđŋšŧžČĐŊŠŦŽ…–·", c => Assert.True(glyphs.Contains(c), $"no glyph for {c}"));
        Assert.DoesNotContain('\u4E00', glyphs);
    }

    [Fact]
    public void Three_hundred_steps_run_over_many_pages_each_numbered_with_the_week_header_repeated_on_every_chart_page()
    {
        var bytes = Render(Plan(300));

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count > 10, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Side{i + 1}av{pages.Count}", pages[i].Text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var text = string.Join(" ", pages.Select(Words));
        Assert.All(new[] { 1, 150, 300 }, i => Assert.Contains($"Steg {i} ", text, StringComparison.Ordinal));

        // The chart is on landscape pages; each starts with the header (label column and the week numbers).
        var chartPages = pages.Where(p => p.Width > p.Height).ToList();
        Assert.True(chartPages.Count >= 2, $"{chartPages.Count} chart pages");
        Assert.All(chartPages, p => Assert.Contains(p.GetWords(), w => w.Text == "Aktivitet" && w.BoundingBox.Bottom > p.Height - 160));
        Assert.All(pages.Where(p => p.Width < p.Height), p => Assert.Equal(595, p.Width, 0));

        // Every step has a row in the chart: the 300th step appears on a chart page.
        Assert.Contains(chartPages, p => Words(p).Contains("Steg 300 ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_over_many_weeks_is_split_into_even_week_slices_each_with_every_row()
    {
        // 40 steps, ten days apart: about 58 weeks, more than one landscape page holds across.
        var plan = Plan(40, daysApart: 10);
        var bytes = Render(plan);

        using var pdf = PdfDocument.Open(bytes);
        var chartPages = pdf.GetPages().Where(p => p.Width > p.Height).ToList();
        var headings = chartPages.Select(Words).Where(t => t.Contains("Framdriftsplan uke for uke (uke", StringComparison.Ordinal)).ToList();
        Assert.True(headings.Count >= 2, string.Join(" | ", headings));
        Assert.Contains("(uke 48 2026 –", headings[0], StringComparison.Ordinal);

        // Each step is drawn in the slice (or both slices) its weeks fall in; a slice leaves out the steps outside its weeks.
        var slices = chartPages.Count(p => Words(p).Contains("Framdriftsplan uke for uke (", StringComparison.Ordinal));
        var rows = chartPages.SelectMany(p => Regex.Matches(Words(p), @"Steg (\d+) ").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Enumerable.Range(1, 40), rows.Distinct().Order());
        Assert.True(rows.Count < slices * 40, $"{rows.Count} rows in {slices} slices");
    }

    [Fact]
    public void The_plan_follows_the_customers_language()
    {
        var bytes = Render(Plan(5, language: "en"));

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().Select(Words));
        Assert.Contains("Project plan", text, StringComparison.Ordinal);
        Assert.Contains("Week-by-week schedule", text, StringComparison.Ordinal);
        Assert.Contains("Kickoff meeting 18 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Prosjektplan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void File_names_are_ascii_safe_and_keep_the_full_name_apart()
    {
        Assert.Equal("Guovdageaidnu-og-Alta-WebSak-i-sky", FileNames.Ascii(FileNames.Readable("Guovdageaidnu og Áltá: WebSak i sky")));
        Assert.Equal("Prosjektplan-Tromso-Baerum-Ringebu-cdnstz-v2.pdf", FileNames.Ascii("Prosjektplan-Tromsø-Bærum-Ringebu-čđŋšŧž-v2.pdf"));
        Assert.Equal("Gudbrandsdalen-WebSak-og-skjema-i-sky", FileNames.Readable("Gudbrandsdalen: WebSak og skjema i sky"));
    }

    /// <summary>The characters a TrueType font maps to a glyph, read from its format 4 cmap (Unicode BMP).</summary>
    private static HashSet<char> UnicodeGlyphs(byte[] font)
    {
        var span = font.AsSpan();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        var cmap = Enumerable.Range(0, tables).Select(i => 12 + (16 * i))
            .Where(o => System.Text.Encoding.ASCII.GetString(font, o, 4) == "cmap")
            .Select(o => (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(o + 8))).Single();
        var subtables = BinaryPrimitives.ReadUInt16BigEndian(span[(cmap + 2)..]);
        var chars = new HashSet<char>();
        for (var i = 0; i < subtables; i++)
        {
            var entry = cmap + 4 + (8 * i);
            var table = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(span[(entry + 4)..]);
            if (BinaryPrimitives.ReadUInt16BigEndian(span[table..]) != 4)
            {
                continue;
            }

            var segments = BinaryPrimitives.ReadUInt16BigEndian(span[(table + 6)..]) / 2;
            var ends = table + 14;
            var starts = ends + (2 * segments) + 2;
            var deltas = starts + (2 * segments);
            var offsets = deltas + (2 * segments);
            for (var s = 0; s < segments; s++)
            {
                int end = BinaryPrimitives.ReadUInt16BigEndian(span[(ends + (2 * s))..]);
                int start = BinaryPrimitives.ReadUInt16BigEndian(span[(starts + (2 * s))..]);
                var delta = BinaryPrimitives.ReadInt16BigEndian(span[(deltas + (2 * s))..]);
                int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(span[(offsets + (2 * s))..]);
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    var glyph = rangeOffset == 0 ? (c + delta) & 0xFFFF
                        : BinaryPrimitives.ReadUInt16BigEndian(span[(offsets + (2 * s) + rangeOffset + (2 * (c - start)))..]);
                    if (glyph != 0)
                    {
                        chars.Add((char)c);
                    }
                }
            }
        }

        return chars;
    }
}
