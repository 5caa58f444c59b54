using PdfSharp.Drawing;

namespace MigrationPortal.Web.Infrastructure.Pdf;

public sealed partial class PdfSharpRenderer
{
    /// <summary>The week-by-week chart: landscape pages, the week header on every page, weeks split into slices that fit across.</summary>
    private sealed partial class Writer
    {
        private const double ChartRowHeight = 13;
        private const double ChartHeaderRow = 12;
        private const double MinWeekWidth = 15;
        private const double MaxWeekWidth = 36;

        private static readonly XColor GridLine = XColor.FromArgb(218, 223, 229);
        private static readonly XColor GroupFill = XColor.FromArgb(242, 245, 248);

        private readonly XFont chartFont = new(EmbeddedFontResolver.Family, 7.5);
        private readonly XFont chartBold = new(EmbeddedFontResolver.Family, 7.5, XFontStyleEx.Bold);
        private double gridTop;

        public void Gantt(PdfGantt chart)
        {
            if (chart.Weeks.Count == 0)
            {
                return;
            }

            landscape = true;
            NewPage();
            var labelWidth = Math.Min(230, Width * 0.3);
            var perPage = Math.Max(1, (int)Math.Floor((Width - labelWidth) / MinWeekWidth));

            // Even slices: 40 weeks where 30 fit become 20 + 20, not 30 + 10.
            var slices = (chart.Weeks.Count + perPage - 1) / perPage;
            var size = (chart.Weeks.Count + slices - 1) / slices;
            for (var s = 0; s < slices; s++)
            {
                if (s > 0)
                {
                    NewPage();
                }

                var first = s * size;
                var count = Math.Min(size, chart.Weeks.Count - first);
                var slice = new Slice(first, count, labelWidth, Math.Min(MaxWeekWidth, (Width - labelWidth) / count));
                Heading(slices == 1 ? chart.Heading : $"{chart.Heading} ({chart.Weeks[first].Caption} – {chart.Weeks[first + count - 1].Caption})");
                Legend(chart.Legend);
                ChartHeader(chart, slice);
                var rows = RowsIn(chart.Rows, slice, s == 0);
                for (var i = 0; i < rows.Count; i++)
                {
                    var row = rows[i];

                    // A phase heading never ends a page alone.
                    var needed = row.Mark == PdfGanttMark.Group && i + 1 < rows.Count ? 2 * ChartRowHeight : ChartRowHeight;
                    if (y + needed > Bottom)
                    {
                        CloseGrid(slice);
                        NewPage();
                        ChartHeader(chart, slice);
                    }

                    ChartRow(row, slice);
                }

                CloseGrid(slice);
            }

            // Whatever follows starts on a new portrait page.
            landscape = false;
            y = Bottom;
        }

        /// <summary>
        /// The rows with a mark in the slice's weeks, under their group heading; rows with no weeks at all go in the
        /// first slice. A long plan's later slices then hold only what happens in them, not pages of empty rows.
        /// </summary>
        private static List<PdfGanttRow> RowsIn(IReadOnlyList<PdfGanttRow> all, Slice slice, bool first)
        {
            var rows = new List<PdfGanttRow>();
            PdfGanttRow? group = null;
            foreach (var row in all)
            {
                if (row.Mark == PdfGanttMark.Group)
                {
                    group = row;
                    continue;
                }

                var shown = row is { From: { } from, To: { } to } ? from < slice.First + slice.Count && to >= slice.First : first;
                if (!shown)
                {
                    continue;
                }

                if (group is not null)
                {
                    rows.Add(group);
                    group = null;
                }

                rows.Add(row);
            }

            return rows;
        }

        private void Legend(IReadOnlyList<(PdfGanttMark Mark, string Text)> legend)
        {
            var x = Margin;
            foreach (var (mark, text) in legend)
            {
                DrawMark(mark, x, x + 16, y, 12);
                x += 20;
                glyphs.Draw(G, text, chartFont, XBrushes.Black, new XRect(x, y, 200, 12), XStringFormats.CenterLeft);
                x += glyphs.Measure(G, text, chartFont) + 16;
            }

            y += 18;
        }

        private void ChartHeader(PdfGantt chart, Slice slice)
        {
            G.DrawRectangle(new XSolidBrush(HeaderFill), Margin, y, slice.Right - Margin, 2 * ChartHeaderRow);
            glyphs.Draw(G, chart.LabelHeader, chartBold, XBrushes.Black, new XRect(Margin + CellPadding, y + ChartHeaderRow, slice.LabelWidth, ChartHeaderRow), XStringFormats.CenterLeft);
            for (var i = 0; i < slice.Count; i++)
            {
                var week = chart.Weeks[slice.First + i];
                var month = week.Month;

                // The slice's first column names the month it starts in, unless a new month begins within three weeks.
                if (i == 0 && month is null && !chart.Weeks.Skip(slice.First).Take(3).Any(w => w.Month is not null))
                {
                    month = chart.Weeks.Take(slice.First).LastOrDefault(w => w.Month is not null)?.Month;
                }

                if (month is not null)
                {
                    // The label has the columns up to the next month; a month boundary is a line through both header rows.
                    var next = Enumerable.Range(i + 1, slice.Count - i - 1).FirstOrDefault(j => chart.Weeks[slice.First + j].Month is not null, slice.Count);
                    var room = slice.X(next) - slice.X(i) - 3;
                    glyphs.Draw(G, Fit(month, chartBold, room), chartBold, XBrushes.Black, new XRect(slice.X(i) + 2, y, room, ChartHeaderRow), XStringFormats.CenterLeft);
                    G.DrawLine(new XPen(GridLine, 0.4), slice.X(i), y, slice.X(i), y + ChartHeaderRow);
                }

                glyphs.Draw(G, week.Number, chartFont, XBrushes.Black, new XRect(slice.X(i), y + ChartHeaderRow, slice.WeekWidth, ChartHeaderRow), XStringFormats.Center);
            }

            y += 2 * ChartHeaderRow;
            G.DrawLine(new XPen(Rule, 0.5), Margin, y, slice.Right, y);
            gridTop = y;
        }

        private void ChartRow(PdfGanttRow row, Slice slice)
        {
            var isGroup = row.Mark == PdfGanttMark.Group;
            if (isGroup)
            {
                G.DrawRectangle(new XSolidBrush(GroupFill), Margin, y, slice.Right - Margin, ChartRowHeight);
            }

            var font = isGroup ? chartBold : chartFont;
            var indent = isGroup ? CellPadding : 3 * CellPadding;
            glyphs.Draw(G, Fit(row.Label, font, slice.LabelWidth - indent - CellPadding), font, XBrushes.Black,
                new XRect(Margin + indent, y, slice.LabelWidth - indent, ChartRowHeight), XStringFormats.CenterLeft);
            if (row is { From: { } from, To: { } to })
            {
                var a = Math.Max(from, slice.First) - slice.First;
                var b = Math.Min(to, slice.First + slice.Count - 1) - slice.First;
                if (a <= b)
                {
                    DrawMark(row.Mark, slice.X(a), slice.X(b) + slice.WeekWidth, y, ChartRowHeight);
                }
            }

            y += ChartRowHeight;
            G.DrawLine(new XPen(GridLine, 0.4), Margin, y, slice.Right, y);
        }

        /// <summary>The week columns' lines, drawn once per page over the rows already drawn.</summary>
        private void CloseGrid(Slice slice)
        {
            var pen = new XPen(GridLine, 0.4);
            for (var i = 0; i <= slice.Count; i++)
            {
                G.DrawLine(pen, slice.X(i), gridTop - ChartHeaderRow, slice.X(i), y);
            }
        }

        private void DrawMark(PdfGanttMark mark, double x1, double x2, double top, double height)
        {
            var brand = new XSolidBrush(Brand);
            switch (mark)
            {
                case PdfGanttMark.Bar:
                    G.DrawRectangle(brand, x1 + 1, top + 3, x2 - x1 - 2, height - 6);
                    break;
                case PdfGanttMark.OutlinedBar:
                    G.DrawRectangle(new XPen(Brand, 1), XBrushes.White, x1 + 1.5, top + 3.5, x2 - x1 - 3, height - 7);
                    break;
                case PdfGanttMark.Milestone:
                    var cx = (x1 + x2) / 2;
                    var cy = top + (height / 2);
                    var r = (height / 2) - 1.5;
                    G.DrawPolygon(brand, [new XPoint(cx, cy - r), new XPoint(cx + r, cy), new XPoint(cx, cy + r), new XPoint(cx - r, cy)], XFillMode.Winding);
                    break;
                default:
                    break;
            }
        }

        /// <summary>The text, shortened with an ellipsis when it is wider than <paramref name="width"/>.</summary>
        private string Fit(string text, XFont font, double width)
        {
            if (glyphs.Measure(G, text, font) <= width)
            {
                return text;
            }

            var length = text.Length;
            while (length > 1 && glyphs.Measure(G, string.Concat(text.AsSpan(0, length), "…"), font) > width)
            {
                length--;
            }

            return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
        }

        /// <summary>The weeks drawn on this page: from index <see cref="First"/>, <see cref="Count"/> of them, after the label column.</summary>
        private readonly record struct Slice(int First, int Count, double LabelWidth, double WeekWidth)
        {
            public double Right => X(Count);

            public double X(int column) => Margin + LabelWidth + (column * WeekWidth);
        }
    }
}
