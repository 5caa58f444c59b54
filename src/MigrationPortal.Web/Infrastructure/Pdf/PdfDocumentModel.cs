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
    string PageNumberFormat)
{
    /// <summary>
    /// The note at the end of a document in which some characters could not be drawn (an emoji: no embedded font has
    /// them), with {0} for their list ("U+1F642, U+1F469"); the renderer falls back to "□ = {0}".
    /// </summary>
    public string? ReplacedCharactersNote { get; init; }
}

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

/// <summary>How a row of a <see cref="PdfGantt"/> is drawn; told apart by shape and fill, not by colour alone.</summary>
public enum PdfGanttMark
{
    /// <summary>A heading row (a phase) with no bar.</summary>
    Group,

    /// <summary>A filled bar.</summary>
    Bar,

    /// <summary>An outlined (hollow) bar.</summary>
    OutlinedBar,

    /// <summary>A diamond in one week.</summary>
    Milestone,
}

/// <summary>One week column: its number ("47"), the month label on the first week of a month, and a caption ("uke 47 2026").</summary>
public sealed record PdfWeek(string Number, string? Month, string Caption);

/// <summary>A chart row: its label and the weeks (indexes into <see cref="PdfGantt.Weeks"/>, inclusive) its mark covers; no weeks, no mark.</summary>
public sealed record PdfGanttRow(string Label, PdfGanttMark Mark, int? From = null, int? To = null);

/// <summary>
/// A week-by-week bar chart on landscape pages. Rows run on over as many pages as they need, with the week header
/// repeated; when the weeks do not fit across one page they are split into even slices, each with the rows that have
/// a mark in its weeks (and, in the first, the rows with no dates).
/// </summary>
public sealed record PdfGantt(string Heading, string LabelHeader, IReadOnlyList<PdfWeek> Weeks, IReadOnlyList<PdfGanttRow> Rows, IReadOnlyList<(PdfGanttMark Mark, string Text)> Legend) : PdfBlock;
