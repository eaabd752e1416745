using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Index.Documents;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>
/// One OpenSearch document: like our own index, one per sheet of a submission (one for a submission without sheets), so
/// a match is a sheet, its type and partners filter it, and <c>collapse</c> on <c>rendition</c> groups hits as our search
/// does (the files of one submission — its Word original, PDF, text dump — share it; <c>submission</c> is one file's). Each carries its sheet's texts and its submission's, as ours do; the whole record rides on the first sheet only
/// (<c>record</c>, stored, not indexed). <see cref="Id"/> is the content hash, the submission's ordinal in the file and the
/// sheet's position, so the same content always has the same id and a second export changes nothing.
/// </summary>
public sealed record OpenSearchDocument(string Id, JsonObject Source)
{
    /// <summary>The object holding one analysed text per field label (<c>fields.利用目的</c>).</summary>
    public const string FieldsObject = "fields";

    private string? _sourceJson;

    /// <summary>The source as one line of JSON (the <c>_bulk</c> body's document line).</summary>
    public string SourceJson => _sourceJson ??= Source.ToJsonString(OpenSearchJson.Compact);

    /// <summary>SHA-256 of <see cref="SourceJson"/>: how a sync tells a changed document from an unchanged one.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SourceJson)));

    /// <summary>The documents of <paramref name="record"/>, in sheet order.</summary>
    public static IEnumerable<OpenSearchDocument> For(SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var submission = IndexFields.SubmissionKey(record.Source.Sha256, record.Ordinal);
        var rendition = RenditionRule.KeyOf(record);
        var departments = RecordTexts.Departments(record).ToList();
        var submissionTexts = RecordTexts.Submission(record).ToList();
        var sheetCount = Math.Max(record.Sheets.Count, 1);
        for (var position = 0; position < sheetCount; position++)
        {
            var sheet = position < record.Sheets.Count ? record.Sheets[position] : null;
            var texts = (sheet is null ? [] : RecordTexts.Sheet(sheet)).Concat(submissionTexts).ToList();
            var source = new JsonObject
            {
                ["submission"] = submission,
                ["rendition"] = rendition,
                ["sha256"] = record.Source.Sha256,
                ["ordinal"] = record.Ordinal,
                ["sheet"] = sheet is null ? -1 : position,
                ["path"] = record.Source.Path,
                ["file_name"] = Path.GetFileName(record.Source.Path),
                ["fiscal_year"] = record.FiscalYear,
                ["sheet_type"] = sheet?.Type,
                ["partners"] = Strings(sheet?.Partners.Distinct(StringComparer.Ordinal) ?? []),
                ["departments"] = Strings(departments),
                ["title"] = record.Title,
                ["all"] = Strings(texts.Select(entry => entry.Text)),
                [FieldsObject] = Fields(texts),
            };
            if (position == 0)
                source["record"] = JsonNode.Parse(RecordJson.Serialize(record, indented: false));
            yield return new OpenSearchDocument(DocumentId(record.Source.Sha256, record.Ordinal, position), source);
        }
    }

    /// <summary><c>sha256-ordinal-position</c>: stable for the same content, whatever the path or the export run.</summary>
    public static string DocumentId(string sha256, int ordinal, int position) => $"{sha256}-{ordinal}-{position}";

    /// <summary>Texts by label; a label's '.' would make OpenSearch nest objects, so it becomes '．' (the label still reads the same).</summary>
    private static JsonObject Fields(IEnumerable<TextEntry> texts)
    {
        var fields = new JsonObject();
        foreach (var group in texts.GroupBy(entry => FieldName(entry.Label), StringComparer.Ordinal))
            fields[group.Key] = Strings(group.Select(entry => entry.Text));
        return fields;
    }

    internal static string FieldName(string label)
    {
        var name = label.Replace('.', '．').Trim();
        return name.Length == 0 ? "_" : name;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode)JsonValue.Create(value)!).ToArray());
}
