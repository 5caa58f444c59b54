using PdfSharp.Fonts;

namespace MigrationPortal.Web.Infrastructure.Pdf;

/// <summary>Serves Liberation Sans from the assembly, so PDFs look the same on any machine, with or without fonts.</summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "Liberation Sans";
    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";

    private static readonly Lock InstallLock = new();

    private static readonly Lazy<Dictionary<string, byte[]>> Faces = new(() => new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        [Regular] = Load(Regular),
        [Bold] = Load(Bold),
    });

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

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>

        // Every family maps to Liberation Sans: a document asks only for it, and a stray request must not fail.
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => Faces.Value.TryGetValue(faceName, out var bytes) ? bytes : null;

    private static byte[] Load(string face)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"MigrationPortal.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"Font {face} is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
