namespace Ingest.Index.Documents;

/// <summary>Names of the Lucene fields; one document per sheet (or one per submission without sheets).</summary>
public static class IndexFields
{
    /// <summary>Submission key <c>sha256#ordinal</c> (keyword, stored, doc values): groups sheets into their submission.</summary>
    public const string Submission = "sub";
    /// <summary>Present (value <c>sha256#ordinal</c>) only on a submission's first document, which stores the record.</summary>
    public const string Head = "head";
    /// <summary>The whole record as compact JSON (stored on the head document only).</summary>
    public const string Record = "record";
    /// <summary>Source file SHA-256 (keyword): the file's identity for incremental import.</summary>
    public const string Sha256 = "sha256";
    /// <summary>Full source path (keyword, stored).</summary>
    public const string Path = "path";

    /// <summary>On an alias document: a second path under which the same content (same SHA-256) was found.</summary>
    public const string AliasPath = "alias_path";

    /// <summary>On an alias document: the SHA-256 the alias path stands for.</summary>
    public const string AliasSha256 = "alias_sha256";
    /// <summary>Source file name (keyword) so <c>show</c> accepts a bare name.</summary>
    public const string FileName = "filename";
    /// <summary>Index of the sheet in the record (stored; -1 when the submission has no sheets).</summary>
    public const string SheetIndex = "sheet";
    /// <summary>Fiscal year (numeric, stored).</summary>
    public const string FiscalYear = "year";
    /// <summary>Fiscal year doc values, for facets.</summary>
    public const string FiscalYearValues = "year_dv";
    /// <summary>Sheet type (keyword, stored).</summary>
    public const string SheetType = "type";
    /// <summary>Sheet type doc values, for facets.</summary>
    public const string SheetTypeValues = "type_dv";
    /// <summary>Canonical partner names (keyword, multi-valued).</summary>
    public const string Partner = "partner";
    /// <summary>
    /// Departments the submission names (keyword, multi-valued, as written; see <c>RecordTexts.Departments</c>), on every
    /// document of the submission, so the department filter keeps or drops a submission whole.
    /// </summary>
    public const string Department = "dept";
    /// <summary>Partner doc values, for facets.</summary>
    public const string PartnerValues = "partner_dv";
    /// <summary>
    /// Position of the document within its submission's block (doc values). A submission's documents are added as one
    /// block, which Lucene keeps contiguous through merges, so <c>doc - position</c> is the head document: grouping hits
    /// needs no string keys.
    /// </summary>
    public const string BlockPosition = "block_dv";
    /// <summary>
    /// The submission's rendition key (<c>RenditionRule.KeyOf</c>; keyword, stored on the head document): files carrying the
    /// same submission share it, so search, facets and counts take them as one.
    /// </summary>
    public const string Rendition = "rendition";
    /// <summary>The rendition key as doc values on every document, for grouping matches while collecting.</summary>
    public const string RenditionValues = "rendition_dv";
    /// <summary>All searchable text of the document (analyzed, multi-valued).</summary>
    public const string AllText = "all";
    /// <summary>Prefix of per-label analyzed fields: <c>f:結合の相手方</c>.</summary>
    public const string LabelPrefix = "f:";

    /// <summary>The analyzed field of one label.</summary>
    public static string ForLabel(string label) => LabelPrefix + label;

    /// <summary>The submission key of a record.</summary>
    public static string SubmissionKey(string sha256, int ordinal) => $"{sha256}#{ordinal}";
}
