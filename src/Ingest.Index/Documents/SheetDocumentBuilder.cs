using System.Text;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Index.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Ingest.Index.Documents;

/// <summary>
/// Turns a submission into Lucene documents: one per sheet, each carrying the submission's fields, every label as
/// its own analyzed field plus the all-text field, partners and sheet type as keywords, fiscal year as a number.
/// The first document also stores the whole record, so reports and <c>show</c> never need the source file.
/// </summary>
public static class SheetDocumentBuilder
{
    /// <summary>
    /// Label fields index offsets in their postings, so snippets are found from the query terms' postings without
    /// analysing the text again at query time (see <c>Search/TermOccurrences</c>).
    /// </summary>
    public static FieldType LabelFieldType { get; } = CreateLabelFieldType();

    private static FieldType CreateLabelFieldType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        };
        type.Freeze();
        return type;
    }

    /// <summary>
    /// True when Lucene can index <paramref name="value"/> as one term (at most <see cref="IndexWriter.MAX_TERM_LENGTH"/>
    /// UTF-8 bytes). A longer department or partner is a mis-extracted cell (a whole page read into 保有課), not a name: it
    /// is left out of the keyword fields, as the analyzer drops overlong tokens, and stays searchable as text and stored.
    /// </summary>
    internal static bool IsKeyword(string value) => Encoding.UTF8.GetByteCount(value) <= IndexWriter.MAX_TERM_LENGTH;

    /// <summary>
    /// Builds the documents of <paramref name="record"/> (path and hash from <see cref="SubmissionRecord.Source"/>),
    /// analysing each text once with <paramref name="analyzer"/> (the record's analyzer, aware of its defined abbreviations).
    /// </summary>
    public static IReadOnlyList<Document> Build(SubmissionRecord record, IndexAnalysis analysis, Analyzer analyzer)
    {
        var analysed = new Dictionary<TextEntry, IReadOnlyList<AnalyzedToken>>(ReferenceEqualityComparer.Instance);
        var submissionEntries = RecordTexts.Submission(record).ToList();
        var key = IndexFields.SubmissionKey(record.Source.Sha256, record.Ordinal);
        var rendition = RenditionRule.KeyOf(record);
        var departments = RecordTexts.Departments(record).Where(IsKeyword).ToList();
        var fileName = System.IO.Path.GetFileName(record.Source.Path);
        var documents = new List<Document>();
        var sheetCount = Math.Max(record.Sheets.Count, 1);
        for (var sheetIndex = 0; sheetIndex < sheetCount; sheetIndex++)
        {
            var sheet = sheetIndex < record.Sheets.Count ? record.Sheets[sheetIndex] : null;
            var document = new Document
            {
                new StringField(IndexFields.Submission, key, Field.Store.YES),
                new NumericDocValuesField(IndexFields.BlockPosition, sheetIndex),
                new StringField(IndexFields.Sha256, record.Source.Sha256, Field.Store.YES),
                new StringField(IndexFields.Path, record.Source.Path, Field.Store.YES),
                new StoredField(IndexFields.SheetIndex, sheet is null ? -1 : sheetIndex),
                new SortedDocValuesField(IndexFields.RenditionValues, new BytesRef(rendition)),
            };
            // A file name is only a way to find a record; the path, which is its identity, is checked by IndexUpdater.Replace.
            if (IsKeyword(fileName))
                document.Add(new StringField(IndexFields.FileName, fileName, Field.Store.NO));
            if (sheetIndex == 0)
            {
                document.Add(new StringField(IndexFields.Head, key, Field.Store.NO));
                document.Add(new StringField(IndexFields.Rendition, rendition, Field.Store.YES));
                document.Add(new StoredField(IndexFields.Record, RecordJson.Serialize(record, indented: false)));
            }
            foreach (var department in departments)
                document.Add(new StringField(IndexFields.Department, department, Field.Store.NO));
            if (record.FiscalYear is { } year)
            {
                document.Add(new Int32Field(IndexFields.FiscalYear, year, Field.Store.YES));
                document.Add(new NumericDocValuesField(IndexFields.FiscalYearValues, year));
            }
            if (sheet is not null)
            {
                document.Add(new StringField(IndexFields.SheetType, sheet.Type, Field.Store.YES));
                document.Add(new SortedDocValuesField(IndexFields.SheetTypeValues, new BytesRef(sheet.Type)));
                foreach (var partner in sheet.Partners.Distinct(StringComparer.Ordinal).Where(IsKeyword))
                {
                    document.Add(new StringField(IndexFields.Partner, partner, Field.Store.NO));
                    document.Add(new SortedSetDocValuesField(IndexFields.PartnerValues, new BytesRef(partner)));
                }
            }
            IEnumerable<TextEntry> sheetEntries = sheet is null ? [] : RecordTexts.Sheet(sheet);
            foreach (var entry in sheetEntries.Concat(submissionEntries))
            {
                if (!analysed.TryGetValue(entry, out var tokens))
                {
                    tokens = analysis.Tokenize(entry.Text, analyzer);
                    analysed[entry] = tokens;
                }
                document.Add(new Field(IndexFields.ForLabel(entry.Label), new ReplayTokenStream(tokens, entry.Text.Length), LabelFieldType));
                document.Add(new TextField(IndexFields.AllText, new ReplayTokenStream(tokens, entry.Text.Length)));
            }
            documents.Add(document);
        }
        return documents;
    }
}
