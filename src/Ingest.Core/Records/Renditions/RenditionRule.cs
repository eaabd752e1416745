using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ingest.Core.Normalisation;

namespace Ingest.Core.Records.Renditions;

/// <summary>
/// When two extracted submissions are one council document held in several files (the Word original, the PDF published
/// from it, a text dump, a scan): the <b>rendition rule</b>. Two records are renditions of one submission when they agree,
/// after folding widths, spaces and variant forms, on
/// <list type="bullet">
/// <item>the document: 件名, 資料番号, fiscal year and meeting (a yearly re-report of the same linkage has another year,
/// so it stays apart);</item>
/// <item>who submits it: 担当部課;</item>
/// <item>its structure: the sheets' kinds in order and each sheet's partners.</item>
/// </list>
/// A record is grouped only when it has a 件名 and a fiscal year or 資料番号: without them nothing says two files are
/// the same document, so such a record is its own submission. The rule is a key computed from one record alone, so
/// grouping needs no pairwise comparison, survives the removal of any one file, and is the same at index and report
/// time. It errs on the side of keeping apart: a rendition whose title or partner was misread (a poor scan) is counted
/// as a submission of its own rather than risk merging two different ones. Fields that differ in other ways (overview
/// text, measures) do not split a group; <see cref="FieldProvenance"/> notes them.
/// </summary>
public static class RenditionRule
{
    /// <summary>Prefix of the key of a record grouped by its identity.</summary>
    public const string IdentityPrefix = "doc:";

    /// <summary>Prefix of the key of a record that cannot be grouped (its own record id follows).</summary>
    public const string OwnPrefix = "own:";

    /// <summary>
    /// The rendition key of <paramref name="record"/>: equal for two records exactly when the rule above makes them one
    /// submission. A short hash of the identity, so it is one index term whatever the title's length.
    /// </summary>
    public static string KeyOf(SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (IdentityOf(record) is not { } identity)
            return OwnPrefix + record.Source.Sha256 + "#" + record.Ordinal.ToString(CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return IdentityPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The identity text the key hashes, or null when the record has too little to be matched with another.</summary>
    public static string? IdentityOf(SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var title = Fold(record.Title);
        var number = Fold(record.DocumentNumber);
        if (title.Length == 0 || (record.FiscalYear is null && number.Length == 0))
            return null;
        var builder = new StringBuilder()
            .Append("title=").Append(title)
            .Append("\nnumber=").Append(number)
            .Append("\nyear=").Append(record.FiscalYear?.ToString(CultureInfo.InvariantCulture))
            .Append("\nmeeting=").Append(record.Meeting?.ToString(CultureInfo.InvariantCulture))
            .Append("\ndepartment=").Append(Fold(record.Department));
        foreach (var sheet in record.Sheets)
        {
            var partners = sheet.Partners.Select(Fold).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            builder.Append("\nsheet=").Append(Fold(sheet.Type)).Append(':').AppendJoin('|', partners);
        }
        return builder.ToString();
    }

    /// <summary>How faithful a file's format is to the document as written: Word &gt; digital PDF &gt; text dump &gt; OCR or anything else.</summary>
    public static RenditionFidelity FidelityOf(SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // A scanned PDF carries the format "pdf" like a born-digital one, but its words were recognised, not written.
        if (source.Ocr == true)
            return RenditionFidelity.Recognised;
        return SourceFormat.Named(source.Format)?.Fidelity ?? RenditionFidelity.Recognised;
    }

    /// <summary>
    /// The records grouped into submissions, in order of each group's first record; within a group the most faithful
    /// rendition first (then by path and ordinal, so the choice does not depend on import order).
    /// </summary>
    public static IReadOnlyList<RenditionGroup> Group(IEnumerable<SubmissionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .GroupBy(KeyOf, StringComparer.Ordinal)
            .Select(group => new RenditionGroup(group.Key, Order(group)))
            .ToList();
    }

    /// <summary>One record per submission: the most faithful rendition of each group, in order of each group's first record.</summary>
    public static IEnumerable<SubmissionRecord> Preferred(IEnumerable<SubmissionRecord> records) => Group(records).Select(group => group.Preferred);

    /// <summary>Renditions of one submission, most faithful first.</summary>
    public static IReadOnlyList<SubmissionRecord> Order(IEnumerable<SubmissionRecord> renditions) =>
        renditions
            .OrderByDescending(record => FidelityOf(record.Source))
            .ThenBy(record => record.Source.Path, StringComparer.Ordinal)
            .ThenBy(record => record.Ordinal)
            .ToList();

    /// <summary>The comparison form of a value: NFKC, widths and spaces folded, old and variant kanji forms folded.</summary>
    internal static string Fold(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : TextNormaliser.FoldVariants(TextNormaliser.FoldKey(text));
}

/// <summary>Formats in order of faithfulness to the document as its author wrote it (higher is more faithful).</summary>
public enum RenditionFidelity
{
    /// <summary>Text recognised from an image (a scan), or a format not known to be faithful.</summary>
    Recognised = 0,
    /// <summary>A text dump: the words, not the layout.</summary>
    TextDump = 1,
    /// <summary>A PDF with a text layer, printed from the original.</summary>
    DigitalPdf = 2,
    /// <summary>The original as its author wrote it: Word (or Excel, 一太郎, OpenDocument, RTF).</summary>
    Word = 3,
}

/// <summary>One submission and the records of every file that carries it, the most faithful first.</summary>
public sealed record RenditionGroup(string Key, IReadOnlyList<SubmissionRecord> Renditions)
{
    /// <summary>The most faithful rendition.</summary>
    public SubmissionRecord Preferred => Renditions[0];
}
