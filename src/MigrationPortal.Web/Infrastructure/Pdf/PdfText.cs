using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace MigrationPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Draws and measures text for one document so that every character a web page shows is in the PDF: each character in
/// Liberation Sans if it has a glyph, else in the embedded fallback (<see cref="EmbeddedFontResolver.FallbackFamily"/>),
/// else as "□", and the document then lists what it replaced (<see cref="Replaced"/>, e.g. an emoji: the portal
/// embeds no colour emoji font). Invisible characters (format and control characters such as a zero-width joiner, a
/// direction override or a variation selector) are left out; they draw nothing on a page either.
/// </summary>
public sealed class PdfText
{
    /// <summary>What an undrawable character is shown as.</summary>
    public const char Placeholder = '□';

    private readonly Dictionary<(double Size, XFontStyleEx Style), XFont> fallbacks = [];

    /// <summary>The characters shown as <see cref="Placeholder"/>, in order of their code points.</summary>
    public SortedSet<int> Replaced { get; } = [];

    /// <summary>"U+1F642, U+1F469": the replaced characters by their code points, for the note that lists them.</summary>
    public string ReplacedList => string.Join(", ", Replaced.Select(c => $"U+{c:X4}"));

    public void Draw(XGraphics gfx, string text, XFont font, XBrush brush, XRect rect, XStringFormat format)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        ArgumentNullException.ThrowIfNull(format);
        var runs = Runs(text, font);
        if (runs is [var only] && ReferenceEquals(only.Font, font))
        {
            gfx.DrawString(only.Text, font, brush, rect, format);
            return;
        }

        var widths = runs.Select(r => gfx.MeasureString(r.Text, r.Font).Width).ToList();
        var total = widths.Sum();
        var x = format.Alignment switch
        {
            XStringAlignment.Far => rect.Right - total,
            XStringAlignment.Center => rect.X + ((rect.Width - total) / 2),
            _ => rect.X,
        };
        var near = new XStringFormat { Alignment = XStringAlignment.Near, LineAlignment = format.LineAlignment };
        for (var i = 0; i < runs.Count; i++)
        {
            gfx.DrawString(runs[i].Text, runs[i].Font, brush, new XRect(x, rect.Y, widths[i] + 1, rect.Height), near);
            x += widths[i];
        }
    }

    public double Measure(XGraphics gfx, string text, XFont font)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        return Runs(text, font).Sum(r => gfx.MeasureString(r.Text, r.Font).Width);
    }

    /// <summary>The text with what no embedded font draws as <see cref="Placeholder"/> and the invisible characters left out (for one-font drawing).</summary>
    public string Drawable(string text) => string.Concat(Runs(text, null).Select(r => r.Text));

    /// <summary>
    /// The characters of the Basic Multilingual Plane drawn as they are in the primary font: visible (not a control, format
    /// or variation-selector character) and in Liberation Sans. A text made only of these is one run, as it is.
    /// </summary>
    private static readonly Lazy<bool[]> Plain = new(() =>
    {
        var plain = new bool[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            plain[c] = !char.IsSurrogate((char)c)
                && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format)
                && c is not (>= 0xFE00 and <= 0xFE0F)
                && EmbeddedFontResolver.Has(EmbeddedFontResolver.Family, c);
        }

        return plain;
    });

    /// <summary>The text cut into pieces each drawn in one font (the given font, or its fallback).</summary>
    private List<(string Text, XFont Font)> Runs(string text, XFont? font)
    {
        text ??= string.Empty;
        if (IsPlain(text))
        {
            return [(text, font!)];
        }

        var runs = new List<(string Text, XFont Font)>();
        var current = new StringBuilder();
        var inFallback = false;
        void Flush()
        {
            if (current.Length > 0)
            {
                runs.Add((current.ToString(), inFallback ? Fallback(font!) : font!));
                current.Clear();
            }
        }

        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format || c is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF))
            {
                continue;
            }

            var fallback = !EmbeddedFontResolver.Has(EmbeddedFontResolver.Family, c) && EmbeddedFontResolver.Has(EmbeddedFontResolver.FallbackFamily, c);
            var drawable = fallback || EmbeddedFontResolver.Has(EmbeddedFontResolver.Family, c);
            if (font is not null && fallback != inFallback)
            {
                Flush();
                inFallback = fallback;
            }

            if (drawable)
            {
                current.Append(rune.ToString());
            }
            else
            {
                Replaced.Add(c);
                current.Append(Placeholder);
            }
        }

        if (font is null)
        {
            return [(current.ToString(), null!)];
        }

        Flush();
        return runs.Count == 0 ? [(string.Empty, font)] : runs;
    }

    private static bool IsPlain(string text)
    {
        var plain = Plain.Value;
        foreach (var c in text)
        {
            if (!plain[c])
            {
                return false;
            }
        }

        return true;
    }

    private XFont Fallback(XFont font)
    {
        var key = (font.Size, font.Style);
        if (!fallbacks.TryGetValue(key, out var fallback))
        {
            fallback = new XFont(EmbeddedFontResolver.FallbackFamily, font.Size, font.Style);
            fallbacks[key] = fallback;
        }

        return fallback;
    }
}
