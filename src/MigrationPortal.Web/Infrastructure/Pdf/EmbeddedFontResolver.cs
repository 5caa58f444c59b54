using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace MigrationPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Serves the fonts embedded in the assembly, so PDFs look the same on any machine, with or without fonts: Liberation Sans
/// for everything it has (Latin with every Sámi and Nordic letter, Greek, Cyrillic, Hebrew), and a subset of DejaVu Sans
/// (Arabic, arrows, shapes, symbols and dingbats such as ❤) for what Liberation Sans lacks. <see cref="PdfText"/> picks
/// the font per character from <see cref="Has"/>; nothing is read from the machine or fetched at run time.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "Liberation Sans";

    /// <summary>The family name a document asks for when Liberation Sans has no glyph for a character.</summary>
    public const string FallbackFamily = "DejaVu Sans Fallback";

    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";
    private const string Fallback = "DejaVuSans-Fallback";

    private static readonly Lock InstallLock = new();

    private static readonly Lazy<Dictionary<string, byte[]>> Faces = new(() => new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        [Regular] = Load(Regular),
        [Bold] = Load(Bold),
        [Fallback] = Load(Fallback),
    });

    /// <summary>The characters each family draws (its cmap); Regular and Bold Liberation Sans cover the same ones.</summary>
    private static readonly Lazy<(HashSet<int> Primary, HashSet<int> Fallback)> Coverage = new(() =>
        (CodePoints(Faces.Value[Regular]), CodePoints(Faces.Value[Fallback])));

    /// <summary>Makes this PDFsharp's font resolver (once per process; PDFsharp's setting is global).</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    /// <summary>Whether the family (<see cref="Family"/> or <see cref="FallbackFamily"/>) has a glyph for the character.</summary>
    public static bool Has(string family, int codePoint) =>
        (family == FallbackFamily ? Coverage.Value.Fallback : Coverage.Value.Primary).Contains(codePoint);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>

        // The fallback has one weight: PDFsharp thickens it for bold. Every other family maps to Liberation Sans: a
        // document asks only for it, and a stray request must not fail.
        familyName == FallbackFamily ? new(Fallback, bold, italic) : new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => Faces.Value.TryGetValue(faceName, out var bytes) ? bytes : null;

    private static byte[] Load(string face)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"MigrationPortal.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"Font {face} is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>The code points a TrueType font maps to glyphs: its Unicode cmap subtables of format 4 (BMP) and 12 (all planes).</summary>
    private static HashSet<int> CodePoints(byte[] font)
    {
        var span = font.AsSpan();
        var set = new HashSet<int>();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var entry = span[(12 + (16 * i))..];
            if (entry[..4].SequenceEqual("cmap"u8))
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            }
        }

        if (cmap < 0)
        {
            return set;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(span[(cmap + 2)..]);
        for (var i = 0; i < count; i++)
        {
            var record = span[(cmap + 4 + (8 * i))..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            if (!(platform == 0 || (platform == 3 && encoding is 1 or 10)))
            {
                continue;
            }

            var sub = span[(cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]))..];
            switch (BinaryPrimitives.ReadUInt16BigEndian(sub))
            {
                case 4:
                    var segments = BinaryPrimitives.ReadUInt16BigEndian(sub[6..]) / 2;
                    for (var s = 0; s < segments; s++)
                    {
                        int end = BinaryPrimitives.ReadUInt16BigEndian(sub[(14 + (2 * s))..]);
                        int start = BinaryPrimitives.ReadUInt16BigEndian(sub[(16 + (2 * segments) + (2 * s))..]);
                        var delta = BinaryPrimitives.ReadInt16BigEndian(sub[(16 + (4 * segments) + (2 * s))..]);
                        var rangeAt = 16 + (6 * segments) + (2 * s);
                        var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(sub[rangeAt..]);
                        for (var c = start; c <= end && c != 0xFFFF; c++)
                        {
                            var glyph = rangeOffset == 0
                                ? (c + delta) & 0xFFFF
                                : BinaryPrimitives.ReadUInt16BigEndian(sub[(rangeAt + rangeOffset + (2 * (c - start)))..]) is var g and not 0 ? (g + delta) & 0xFFFF : 0;
                            if (glyph != 0)
                            {
                                set.Add(c);
                            }
                        }
                    }

                    break;
                case 12:
                    var groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
                    for (var g = 0; g < groups; g++)
                    {
                        var group = sub[(16 + (12 * g))..];
                        var first = (int)BinaryPrimitives.ReadUInt32BigEndian(group);
                        var last = (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
                        var glyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
                        for (var c = first; c <= last; c++)
                        {
                            if (glyph + (uint)(c - first) != 0)
                            {
                                set.Add(c);
                            }
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return set;
    }
}
