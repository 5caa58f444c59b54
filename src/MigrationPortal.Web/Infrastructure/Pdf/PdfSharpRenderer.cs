using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MigrationPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Draws a <see cref="PdfDocumentModel"/> with PDFsharp on A4: letterhead, flowing blocks, tables whose
/// header repeats after a page break, week-by-week charts on landscape pages, and "Side 1 av 3" on every page. Text is real text (extractable),
/// in the embedded Liberation Sans.
/// </summary>
public sealed partial class PdfSharpRenderer : IPdfRenderer
{
    private const double Margin = 50;
    private const double FooterHeight = 30;
    private const double CellPadding = 4;

    private static readonly XColor Brand = XColor.FromArgb(0, 60, 100);
    private static readonly XColor HeaderFill = XColor.FromArgb(230, 236, 241);
    private static readonly XColor Rule = XColor.FromArgb(160, 170, 180);

    public PdfSharpRenderer() => EmbeddedFontResolver.Install();

    public byte[] Render(PdfDocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Author = document.Letterhead.SenderName;
        pdf.Info.Creator = "MigrationPortal";
        pdf.Language = document.Language;

        var glyphs = new PdfText();
        var writer = new Writer(pdf, glyphs);
        writer.Letterhead(document.Letterhead);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case PdfHeading h:
                    writer.Heading(h.Text);
                    break;
                case PdfParagraph p:
                    writer.Paragraph(p.Text, p.Bold);
                    break;
                case PdfFacts f:
                    writer.Facts(f.Items);
                    break;
                case PdfTable t:
                    writer.Table(t);
                    break;
                case PdfBox b:
                    writer.Box(b);
                    break;
                case PdfGantt g:
                    writer.Gantt(g);
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }

        // What no embedded font can draw (an emoji, say) is shown as □, and the document says which characters those were.
        if (glyphs.Replaced.Count > 0)
        {
            writer.Paragraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, document.ReplacedCharactersNote ?? PdfText.Placeholder + " = {0}", glyphs.ReplacedList), isBold: false);
        }

        writer.Finish();

        // Page numbers need the page count, so they are drawn when every page exists.
        var count = pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            var font = new XFont(EmbeddedFontResolver.Family, 8);
            var y = pdf.Pages[i].Height.Point - Margin + 10;
            var width = pdf.Pages[i].Width.Point - (2 * Margin);
            gfx.DrawLine(new XPen(Rule, 0.5), Margin, y - 4, Margin + width, y - 4);
            glyphs.Draw(gfx, document.FooterText, font, XBrushes.DimGray, new XRect(Margin, y, width, 12), XStringFormats.TopLeft);
            glyphs.Draw(gfx, string.Format(System.Globalization.CultureInfo.InvariantCulture, document.PageNumberFormat, i + 1, count), font, XBrushes.DimGray, new XRect(Margin, y, width, 12), XStringFormats.TopRight);
        }

        // Fastest deflate: most of saving is compressing the embedded font subsets, and the best ratio saved a few KB
        // of a 40 KB offer at twice the time.
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Keeps the pen position and starts a new page when the next piece does not fit.</summary>
    private sealed partial class Writer(PdfDocument pdf, PdfText glyphs)
    {
        private readonly XFont body = new(EmbeddedFontResolver.Family, 10);
        private readonly XFont bold = new(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
        private readonly XFont small = new(EmbeddedFontResolver.Family, 9);
        private readonly XFont heading = new(EmbeddedFontResolver.Family, 13, XFontStyleEx.Bold);
        private readonly XFont title = new(EmbeddedFontResolver.Family, 18, XFontStyleEx.Bold);
        private readonly Dictionary<(string Text, XFont Font, double Width), List<string>> wraps = [];
        private PdfPage? page;
        private XGraphics? gfx;
        private double y;

        /// <summary>Whether new pages are A4 landscape (a chart) rather than portrait.</summary>
        private bool landscape;

        private double Width => page!.Width.Point - (2 * Margin);

        private double Bottom => page!.Height.Point - Margin - FooterHeight;

        private XGraphics G => gfx!;

        public void Letterhead(Letterhead l)
        {
            NewPage();
            glyphs.Draw(G, l.SenderName, title, new XSolidBrush(Brand), new XRect(Margin, y, Width, 24), XStringFormats.TopLeft);
            y += 26;
            var top = y;
            foreach (var line in l.SenderLines)
            {
                glyphs.Draw(G, line, small, XBrushes.DimGray, new XRect(Margin, y, Width / 2, 12), XStringFormats.TopLeft);
                y += 12;
            }

            y += 18;
            foreach (var (line, i) in l.RecipientLines.Select((s, i) => (s, i)))
            {
                glyphs.Draw(G, line, i == 0 ? bold : body, XBrushes.Black, new XRect(Margin, y, Width / 2, 14), XStringFormats.TopLeft);
                y += 14;
            }

            // Facts at the right, from the top of the sender lines.
            var factY = top;
            var labelX = Margin + (Width * 0.55);
            var valueX = Margin + (Width * 0.75);
            foreach (var (label, value) in l.Facts)
            {
                glyphs.Draw(G, label, small, XBrushes.DimGray, new XRect(labelX, factY, valueX - labelX, 12), XStringFormats.TopLeft);
                glyphs.Draw(G, value, bold, XBrushes.Black, new XRect(valueX, factY, Margin + Width - valueX, 12), XStringFormats.TopLeft);
                factY += 14;
            }

            y = Math.Max(y, factY) + 20;
        }

        public void Heading(string text)
        {
            // A heading never ends a page alone: keep room for two lines after it.
            Ensure(18 + (3 * LineHeight(body)));
            y += 8;
            glyphs.Draw(G, text, heading, new XSolidBrush(Brand), new XRect(Margin, y, Width, 16), XStringFormats.TopLeft);
            y += 20;
        }

        public void Paragraph(string text, bool isBold)
        {
            var font = isBold ? bold : body;
            foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(paragraph, font, Width))
                {
                    Ensure(LineHeight(font));
                    glyphs.Draw(G, line, font, XBrushes.Black, new XRect(Margin, y, Width, LineHeight(font)), XStringFormats.TopLeft);
                    y += LineHeight(font);
                }
            }

            y += 6;
        }

        public void Facts(IReadOnlyList<(string Label, string Value)> items)
        {
            var labelWidth = Width * 0.35;
            foreach (var (label, value) in items)
            {
                var lines = Wrap(value, body, Width - labelWidth);
                Ensure(lines.Count * LineHeight(body));
                glyphs.Draw(G, label, bold, XBrushes.Black, new XRect(Margin, y, labelWidth, LineHeight(body)), XStringFormats.TopLeft);
                foreach (var line in lines)
                {
                    glyphs.Draw(G, line, body, XBrushes.Black, new XRect(Margin + labelWidth, y, Width - labelWidth, LineHeight(body)), XStringFormats.TopLeft);
                    y += LineHeight(body);
                }
            }

            y += 6;
        }

        public void Table(PdfTable table)
        {
            var total = table.Columns.Sum(c => c.Weight);
            var widths = table.Columns.Select(c => Width * c.Weight / total).ToArray();
            var headerCells = table.Columns.Select(c => c.Header).ToList();
            var headerHeight = RowHeight(headerCells, widths, bold);

            // The header and at least the first row start on the same page.
            Ensure(headerHeight + (table.Rows.Count > 0 ? RowHeight(table.Rows[0], widths, body) : 0));
            DrawRow(headerCells, widths, table.Columns, bold, HeaderFill);
            foreach (var row in table.Rows)
            {
                var h = RowHeight(row, widths, body);
                if (y + h > Bottom)
                {
                    NewPage();
                    DrawRow(headerCells, widths, table.Columns, bold, HeaderFill);
                }

                DrawRow(row, widths, table.Columns, body, null);
            }

            foreach (var row in table.TotalRows)
            {
                Ensure(RowHeight(row, widths, bold));
                DrawRow(row, widths, table.Columns, bold, null);
            }

            y += 10;
        }

        public void Box(PdfBox box)
        {
            var lineHeight = LineHeight(body) + 6;
            var height = 24 + (box.Lines.Count * lineHeight) + 8;
            Ensure(height + 10);
            y += 6;
            G.DrawRectangle(new XPen(Brand, 1), Margin, y, Width, height);
            glyphs.Draw(G, box.Heading, bold, new XSolidBrush(Brand), new XRect(Margin + 8, y + 8, Width - 16, 14), XStringFormats.TopLeft);
            var ly = y + 28;
            foreach (var line in box.Lines)
            {
                glyphs.Draw(G, line, body, XBrushes.Black, new XRect(Margin + 8, ly, Width - 16, LineHeight(body)), XStringFormats.TopLeft);
                ly += lineHeight;
            }

            y += height + 10;
        }

        public void Finish()
        {
            gfx?.Dispose();
            gfx = null;
        }

        private void DrawRow(IReadOnlyList<string> cells, double[] widths, IReadOnlyList<PdfColumn> columns, XFont font, XColor? fill)
        {
            var h = RowHeight(cells, widths, font);
            if (fill is { } color)
            {
                G.DrawRectangle(new XSolidBrush(color), Margin, y, Width, h);
            }

            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                var text = i < cells.Count ? cells[i] : string.Empty;
                var ly = y + CellPadding;
                foreach (var line in Wrap(text, font, widths[i] - (2 * CellPadding)))
                {
                    var rect = new XRect(x + CellPadding, ly, widths[i] - (2 * CellPadding), LineHeight(font));
                    glyphs.Draw(G, line, font, XBrushes.Black, rect, columns[i].Align == PdfAlign.Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    ly += LineHeight(font);
                }

                x += widths[i];
            }

            y += h;
            G.DrawLine(new XPen(Rule, 0.5), Margin, y, Margin + Width, y);
        }

        private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
            (2 * CellPadding) + (LineHeight(font) * Enumerable.Range(0, widths.Length)
                .Select(i => Wrap(i < cells.Count ? cells[i] : string.Empty, font, widths[i] - (2 * CellPadding)).Count)
                .DefaultIfEmpty(1).Max());

        private static double LineHeight(XFont font) => font.Size * 1.35;

        /// <summary>
        /// The text in lines that fit <paramref name="width"/>, word by word. A table row wraps each cell twice (its height,
        /// then its lines), so a document's wraps are kept; a line's width is the sum of its words' and spaces' widths (PDFsharp
        /// measures a string as the sum of its glyphs' advances, without kerning), so each word is measured once.
        /// </summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            if (wraps.TryGetValue((text, font, width), out var known))
            {
                return known;
            }

            var lines = new List<string>();
            var space = glyphs.Measure(G, " ", font);
            foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
            {
                var current = string.Empty;
                var currentWidth = 0d;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Split(w, font, width)))
                {
                    var wordWidth = glyphs.Measure(G, word, font);
                    if (current.Length > 0 && currentWidth + space + wordWidth > width)
                    {
                        lines.Add(current);
                        (current, currentWidth) = (word, wordWidth);
                    }
                    else
                    {
                        (current, currentWidth) = current.Length == 0 ? (word, wordWidth) : (current + " " + word, currentWidth + space + wordWidth);
                    }
                }

                lines.Add(current);
            }

            wraps[(text, font, width)] = lines;
            return lines;
        }

        /// <summary>A word wider than the column (a long URL, say) is cut into pieces that fit, rather than spilling over.</summary>
        private IEnumerable<string> Split(string word, XFont font, double width)
        {
            if (glyphs.Measure(G, word, font) <= width)
            {
                yield return word;
                yield break;
            }

            var start = 0;
            while (start < word.Length)
            {
                var length = word.Length - start;
                while (length > 1 && glyphs.Measure(G, word.Substring(start, length), font) > width)
                {
                    length--;
                }

                yield return word.Substring(start, length);
                start += length;
            }
        }

        private void Ensure(double height)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            gfx?.Dispose();
            page = pdf.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            if (landscape)
            {
                page.Orientation = PdfSharp.PageOrientation.Landscape;
            }

            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }
    }
}
