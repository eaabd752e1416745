using System.Text.RegularExpressions;
using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Core.Records;

namespace Ingest.Readers.Text;

/// <summary>Limits for text dumps.</summary>
public sealed record TextReaderOptions
{
    /// <summary>Larger files are refused: a submission dump is tens of kilobytes; a packet a few megabytes.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Files with more lines are refused: a 1,000-page packet dump has about 40,000; every line becomes a block or a row,
    /// so lines, not bytes, are what the layout's memory grows with.
    /// </summary>
    public int MaxLines { get; init; } = 300_000;

    /// <summary>Share of control characters above which the content is taken for binary.</summary>
    public double MaxControlCharRatio { get; init; } = 0.01;
}

/// <summary>
/// Reads text dumps of submissions: tab-separated label/value rows, markdown tables and headings, HTML fragments,
/// and pdftotext-style wrapped lines. Tab and markdown rows become <see cref="TableBlock"/>s; every other line a
/// <see cref="ParagraphBlock"/> (the extractor recognises forms in plain lines itself).
/// </summary>
public sealed partial class TextDocumentReader(TextReaderOptions? options = null) : IDocumentReader
{
    private readonly TextReaderOptions _options = options ?? new TextReaderOptions();

    public string Format => SourceFormat.Text.Name;

    public bool CanRead(ReadOnlySpan<byte> head, string path)
    {
        // A byte-order mark claims text: the reader takes the file and says why when the rest does not bear it out.
        if (TextEncodingDetector.ByteOrderMark(head) is not null)
            return true;
        // The sniffed head may end inside a multi-byte character: try dropping up to three trailing bytes.
        for (var cut = 0; cut <= Math.Min(3, head.Length - 1); cut++)
        {
            if (TextEncodingDetector.Detect(head[..^cut]) is not null)
                return true;
        }
        return false;
    }

    public Result<LayoutDocument> Read(ReadOnlyMemory<byte> content, string path)
    {
        if (content.Length > _options.MaxBytes)
            return Result<LayoutDocument>.Fail($"text file too large ({content.Length:N0} bytes; limit {_options.MaxBytes:N0})");
        if (content.IsEmpty)
            return Result<LayoutDocument>.Fail("empty file");
        if (TextEncodingDetector.ByteOrderMark(content.Span) is { } marked &&
            TextEncodingDetector.FirstInvalidByte(marked.Encoding, content.Span[marked.BomLength..]) is { } bad)
        {
            return Result<LayoutDocument>.Fail(
                $"not text: a {marked.Name} byte-order mark is followed by bytes that are not {marked.Name} (near byte {marked.BomLength + bad:N0})");
        }
        var detection = TextEncodingDetector.Detect(content.Span);
        if (detection is null)
            return Result<LayoutDocument>.Fail("not text: binary content or an unsupported encoding (tried UTF-8, UTF-16, Shift_JIS, EUC-JP)");
        var text = detection.Encoding.GetString(content.Span[detection.BomLength..]);
        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        if (controls > text.Length * _options.MaxControlCharRatio)
            return Result<LayoutDocument>.Fail($"not text: {controls:N0} control characters in {text.Length:N0}");
        if (string.IsNullOrWhiteSpace(text))
            return Result<LayoutDocument>.Fail("empty file (only white space)");
        var lines = text.AsSpan().Count('\n') + 1;
        if (lines > _options.MaxLines)
            return Result<LayoutDocument>.Fail($"text has {lines:N0} lines (limit {nameof(TextReaderOptions.MaxLines)} {_options.MaxLines:N0})");

        var blocks = ToBlocks(text);
        return Result<LayoutDocument>.Ok(new LayoutDocument
        {
            Path = path,
            Format = Format,
            Encoding = detection.Name,
            Pages = [new LayoutPage(1, blocks)],
        });
    }

    /// <summary>Splits a dump into blocks; consecutive table rows form one table.</summary>
    internal static IReadOnlyList<LayoutBlock> ToBlocks(string text)
    {
        var blocks = new List<LayoutBlock>();
        var rows = new List<TableRow>();

        void FlushTable()
        {
            if (rows.Count > 0)
                blocks.Add(new TableBlock(rows.ToArray()));
            rows.Clear();
        }

        foreach (var rawLine in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Trim().Length == 0 || SeparatorRow().IsMatch(line))
                continue;

            var row = TryTableRow(line);
            if (row is not null)
            {
                if (row.Cells.Any(c => c.Text.Text.Length > 0))
                    rows.Add(row);
                continue;
            }

            FlushTable();
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                blocks.Add(new ParagraphBlock(MarkupParser.Parse(heading.Groups[2].Value), heading.Groups[1].Length));
                continue;
            }
            var bullet = ListItem().Match(line);
            var body = bullet.Success ? bullet.Groups[1].Value : line;
            blocks.Add(new ParagraphBlock(MarkupParser.Parse(body)));
        }
        FlushTable();
        return blocks;
    }

    private static TableRow? TryTableRow(string line)
    {
        var trimmed = line.Trim();
        // Markdown table row, possibly inside a list item ("- | a | b |").
        var markdown = trimmed.StartsWith("- |", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
        if (markdown.StartsWith('|') && markdown.EndsWith('|') && markdown.Length >= 2)
        {
            var cells = markdown[1..^1].Split('|');
            return new TableRow(cells.Select(c => new TableCell(MarkupParser.Parse(c))).ToArray());
        }
        if (line.Contains('\t'))
            return new TableRow(line.Split('\t').Select(c => new TableCell(MarkupParser.Parse(c))).ToArray());
        return null;
    }

    // Every pattern here runs on untrusted lines, so each uses the linear-time engine: the separator row's nested
    // quantifiers ((?:\t+-*)* before \s*$) made the backtracking engine take 95 s on '---', 30 tabs and 'x'.
    [GeneratedRegex(@"^\s*(?:-{3,}|\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?)(?:\t+-*)*\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}[-*+]\s+(.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex ListItem();
}
