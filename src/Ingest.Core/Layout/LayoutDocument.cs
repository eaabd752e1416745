namespace Ingest.Core.Layout;

/// <summary>
/// The neutral layout every reader produces: pages of blocks, where a block is a paragraph or a table.
/// Everything after the readers works on this and never asks which format the file was.
/// </summary>
public sealed record LayoutDocument
{
    public required string Path { get; init; }
    /// <summary><c>text</c>, <c>pdf</c>, <c>docx</c>.</summary>
    public required string Format { get; init; }
    public IReadOnlyList<LayoutPage> Pages { get; init; } = [];
    /// <summary>Text encoding for text files; null otherwise.</summary>
    public string? Encoding { get; init; }
    /// <summary>Which pages were recognised from images (OCR) and how sure the recogniser was; null when none were.</summary>
    public OcrSummary? Ocr { get; init; }

    /// <summary>All blocks of all pages in reading order.</summary>
    public IEnumerable<LayoutBlock> Blocks => Pages.SelectMany(p => p.Blocks);
}

/// <summary>One page (a text dump is one page).</summary>
public sealed record LayoutPage(int Number, IReadOnlyList<LayoutBlock> Blocks)
{
    /// <summary>Running headers, footers and page numbers, kept apart from content.</summary>
    public IReadOnlyList<StyledText> Furniture { get; init; } = [];
}

/// <summary>Pages read by optical character recognition, and the mean confidence (0–1) of the words recognised on them.</summary>
public sealed record OcrSummary(IReadOnlyList<int> Pages, double MeanConfidence);

/// <summary>A paragraph or a table.</summary>
public abstract record LayoutBlock;

/// <summary>A line or paragraph of text. <paramref name="HeadingLevel"/> is 1–6 for headings, 0 otherwise.</summary>
public sealed record ParagraphBlock(StyledText Text, int HeadingLevel = 0) : LayoutBlock
{
    /// <summary>Mean OCR confidence (0–1) of the paragraph's letters; null when the text was not recognised from an image.</summary>
    public double? Confidence { get; init; }
}

/// <summary>A table: rows of cells. Spanned cells appear once with their span.</summary>
public sealed record TableBlock(IReadOnlyList<TableRow> Rows) : LayoutBlock;

/// <summary>A table row.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>A table cell; line breaks inside a cell are kept as '\n'.</summary>
public sealed record TableCell(StyledText Text, int ColumnSpan = 1, int RowSpan = 1)
{
    /// <summary>Tables nested inside this cell (Word allows them).</summary>
    public IReadOnlyList<TableBlock> Nested { get; init; } = [];

    /// <summary>Mean OCR confidence (0–1) of the cell's letters; null when the text was not recognised from an image.</summary>
    public double? Confidence { get; init; }
}

/// <summary>Text styles that mark a change in a submission (underline / bold).</summary>
[Flags]
public enum TextStyle
{
    None = 0,
    Bold = 1,
    Underline = 2,
}

/// <summary>A run of <see cref="StyledText.Text"/> that carries a style.</summary>
public readonly record struct StyledSpan(int Start, int Length, TextStyle Style);

/// <summary>Plain text plus the spans of it that were bold or underlined in the source.</summary>
public sealed record StyledText(string Text, IReadOnlyList<StyledSpan> Spans)
{
    public static StyledText Plain(string text) => new(text, []);

    public static readonly StyledText Empty = new(string.Empty, []);

    /// <summary>True when some non-blank part of the text is bold or underlined.</summary>
    public bool HasMarkedText => Spans.Any(s => s.Style != TextStyle.None && s.Length > 0 &&
        Text.AsSpan(s.Start, Math.Min(s.Length, Text.Length - s.Start)).Trim().Length > 0);

    public override string ToString() => Text;
}
