using Ingest.Reports.Renewals;

namespace Ingest.Reports.Export;

/// <summary>Writes a renewal report in one format to a stream. Implementations are stateless and thread-safe.</summary>
public interface IReportWriter
{
    /// <summary>The name used by <c>--format</c> (table, csv, xlsx, md, html, json, ics).</summary>
    string Format { get; }

    /// <summary>The file extension, with its dot.</summary>
    string Extension { get; }

    /// <summary>Whether the output is binary (it cannot go to a terminal).</summary>
    bool IsBinary => false;

    void Write(RenewalReport report, Stream output);
}

/// <summary>Every shipped writer, by format name.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new TableReportWriter(), new CsvReportWriter(), new XlsxReportWriter(),
        new MarkdownReportWriter(), new HtmlReportWriter(), new JsonReportWriter(), new IcsReportWriter(),
    ];

    /// <summary>The format names, for help text and errors.</summary>
    public static IReadOnlyList<string> Formats { get; } = All.Select(w => w.Format).ToList();

    /// <summary>The writer for a format name (case-insensitive), or null.</summary>
    public static IReportWriter? For(string? format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format?.Trim(), StringComparison.OrdinalIgnoreCase));
}
