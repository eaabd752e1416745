using Ingest.Index.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Ingest.Index.Search;

/// <summary>One occurrence of a query term in a label field: position and offsets as indexed (offsets run across the field's values).</summary>
public readonly record struct TermOccurrence(string Term, int Position, int Start, int End);

/// <summary>
/// Reads where the query's terms occur in the label fields of a few documents, from the postings (label fields index
/// offsets), the way a postings highlighter does: one seek per segment, field and term, then an advance per document.
/// No text is analysed again and no other term of the document is decoded.
/// </summary>
public static class TermOccurrences
{
    /// <summary>Occurrences per document (global id) and label, for <paramref name="docs"/> and <paramref name="terms"/>.</summary>
    public static Dictionary<int, Dictionary<string, List<TermOccurrence>>> Read(IndexReader reader, IEnumerable<int> docs, IReadOnlyCollection<string> terms)
    {
        var result = new Dictionary<int, Dictionary<string, List<TermOccurrence>>>();
        var sorted = docs.Distinct().Order().ToList();
        if (sorted.Count == 0 || terms.Count == 0)
            return result;
        foreach (var leaf in reader.Leaves)
        {
            var local = sorted.Where(doc => doc >= leaf.DocBase && doc < leaf.DocBase + leaf.Reader.MaxDoc).Select(doc => doc - leaf.DocBase).ToList();
            if (local.Count == 0)
                continue;
            var atomic = leaf.AtomicReader;
            foreach (var field in atomic.FieldInfos)
            {
                if (!field.Name.StartsWith(IndexFields.LabelPrefix, StringComparison.Ordinal) || field.IndexOptions != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
                    continue;
                var fieldTerms = atomic.GetTerms(field.Name);
                if (fieldTerms is null)
                    continue;
                var label = field.Name[IndexFields.LabelPrefix.Length..];
                var termsEnum = fieldTerms.GetEnumerator();
                foreach (var term in terms)
                {
                    if (!termsEnum.SeekExact(new BytesRef(term)))
                        continue;
                    var postings = termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
                    if (postings is null)
                        continue;
                    foreach (var doc in local)
                    {
                        var at = postings.DocID >= doc ? postings.DocID : postings.Advance(doc);
                        if (at == DocIdSetIterator.NO_MORE_DOCS)
                            break;
                        if (at != doc)
                            continue;
                        var global = doc + leaf.DocBase;
                        if (!result.TryGetValue(global, out var byLabel))
                            result[global] = byLabel = new Dictionary<string, List<TermOccurrence>>(StringComparer.Ordinal);
                        if (!byLabel.TryGetValue(label, out var list))
                            byLabel[label] = list = [];
                        for (var n = postings.Freq; n > 0; n--)
                        {
                            var position = postings.NextPosition();
                            if (postings.StartOffset >= 0)
                                list.Add(new TermOccurrence(term, position, postings.StartOffset, postings.EndOffset));
                        }
                    }
                }
            }
        }
        return result;
    }
}
