namespace MigrationPortal.Web.Infrastructure.Pdf;

/// <summary>
/// A document as flat, already-formatted, already-translated content, with no reference to entities or to
/// the PDF engine (docs/adr/0006). Features build these; <see cref="IPdfRenderer"/> draws them.
/// </summary>
public sealed record PdfDocumentModel(
    string Title,
    string Language,
    Letterhead Letterhead,
    IReadOnlyList<PdfBlock> Blocks,
    string FooterText,
    string PageNumberFormat);

/// <summary>Sender at the top left, recipient below, key facts (number, dates) at the right.</summary>
public sealed record Letterhead(string SenderName, IReadOnlyList<string> SenderLines, IReadOnlyList<string> RecipientLines, IReadOnlyList<(string Label, string Value)> Facts);

public abstract record PdfBlock;

public sealed record PdfHeading(string Text) : PdfBlock;

public sealed record PdfParagraph(string Text, bool Bold = false) : PdfBlock;

public sealed record PdfFacts(IReadOnlyList<(string Label, string Value)> Items) : PdfBlock;

public enum PdfAlign
{
    Left,
    Right,
}

/// <summary>A column: its header, its share of the width and its alignment.</summary>
public sealed record PdfColumn(string Header, double Weight, PdfAlign Align = PdfAlign.Left);

/// <summary>A table; when it runs past a page break it continues on the next page with its header repeated.</summary>
public sealed record PdfTable(IReadOnlyList<PdfColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<IReadOnlyList<string>> TotalRows) : PdfBlock;

/// <summary>A framed box kept on one page, e.g. the acceptance section with its lines to fill in.</summary>
public sealed record PdfBox(string Heading, IReadOnlyList<string> Lines) : PdfBlock;

public interface IPdfRenderer
{
    byte[] Render(PdfDocumentModel document);
}
