using Ingest.Index.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Ingest.Index.Search;

/// <summary>
/// One matching document: global doc id, score, the global doc id of its file-submission's head document, and the
/// submission it belongs to across renditions (<see cref="MatchCollector.RenditionKeyOf"/>).
/// </summary>
internal readonly record struct Match(int Doc, float Score, int Head, int Submission);

/// <summary>
/// Collects every match with its score and head document and counts facets from doc values as it goes
/// (Lucene.Net.Facet is not used: per-segment ordinals are counted, then resolved to strings once per segment).
/// Files carrying one submission (renditions, sharing a rendition key) are counted once: a sheet is counted for the
/// first of its renditions to match, so facets and totals count submissions' sheets, not files'.
/// </summary>
internal sealed class MatchCollector(IReadOnlySet<string>? excluded = null) : ICollector
{
    private readonly List<Match> _matches = [];
    private readonly Dictionary<int, int> _years = [];
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _partners = new(StringComparer.Ordinal);
    private int _noYear;
    private int _noType;
    private readonly Dictionary<string, int> _submissionIds = new(StringComparer.Ordinal);
    private readonly List<string?> _renditionKeys = [];
    private readonly List<bool> _isExcluded = [];
    private readonly HashSet<(int Submission, int Position)> _countedSheets = [];
    private SortedDocValues? _renditionValues;
    private int[] _submissionOfOrd = [];

    private Scorer? _scorer;
    private int _docBase;
    private NumericDocValues? _yearValues;
    private IBits? _yearPresent;
    private SortedDocValues? _typeValues;
    private SortedSetDocValues? _partnerValues;
    private NumericDocValues? _blockPositions;
    private int[] _typeCounts = [];
    private int[] _partnerCounts = [];

    public IReadOnlyList<Match> Matches => _matches;

    /// <summary>Matching sheets, each sheet of a submission counted once however many files carry it.</summary>
    public int CountedSheets => _countedSheets.Count;

    /// <summary>The lookup key of every submission met (its rendition key, or its head document for an index without keys).</summary>
    public IEnumerable<string> SubmissionLookups => _submissionIds.Keys;

    /// <summary>The rendition key of a <see cref="Match.Submission"/>, or null for a document of an index without keys.</summary>
    public string? RenditionKeyOf(int submission) => _renditionKeys[submission];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _yearValues = reader.GetNumericDocValues(IndexFields.FiscalYearValues);
        _yearPresent = reader.GetDocsWithField(IndexFields.FiscalYearValues);
        _typeValues = reader.GetSortedDocValues(IndexFields.SheetTypeValues);
        _partnerValues = reader.GetSortedSetDocValues(IndexFields.PartnerValues);
        _blockPositions = reader.GetNumericDocValues(IndexFields.BlockPosition);
        _renditionValues = reader.GetSortedDocValues(IndexFields.RenditionValues);
        _submissionOfOrd = new int[_renditionValues?.ValueCount ?? 0];
        Array.Fill(_submissionOfOrd, -1);
        _typeCounts = new int[_typeValues?.ValueCount ?? 0];
        // Partner ordinals are per segment and few (one per distinct partner name).
        _partnerCounts = new int[checked((int)(_partnerValues?.ValueCount ?? 0))];
    }

    public void Collect(int doc)
    {
        var score = _scorer?.GetScore() ?? 0f;
        var position = (int)(_blockPositions?.Get(doc) ?? 0);
        var head = _docBase + doc - position;
        var submission = SubmissionOf(doc, head);
        if (_isExcluded[submission])
            return;
        _matches.Add(new Match(_docBase + doc, score, head, submission));
        if (!_countedSheets.Add((submission, position)))
            return;

        if (_yearValues is not null && _yearPresent is not null && _yearPresent.Get(doc))
        {
            var year = (int)_yearValues.Get(doc);
            _years[year] = _years.GetValueOrDefault(year) + 1;
        }
        else
            _noYear++;

        var typeOrd = _typeValues?.GetOrd(doc) ?? -1;
        if (typeOrd >= 0)
            _typeCounts[typeOrd]++;
        else
            _noType++;

        if (_partnerValues is not null)
        {
            _partnerValues.SetDocument(doc);
            long ord;
            while ((ord = _partnerValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                _partnerCounts[ord]++;
        }
    }

    /// <summary>The submission id of a document: one per rendition key; a document without a key (an index written before keys) is its own.</summary>
    private int SubmissionOf(int doc, int head)
    {
        var ord = _renditionValues?.GetOrd(doc) ?? -1;
        string? key = null;
        if (ord >= 0)
        {
            if (_submissionOfOrd[ord] >= 0)
                return _submissionOfOrd[ord];
            var bytes = new BytesRef();
            _renditionValues!.LookupOrd(ord, bytes);
            key = bytes.Utf8ToString();
        }
        var lookup = key ?? "#head:" + head.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_submissionIds.TryGetValue(lookup, out var id))
        {
            id = _renditionKeys.Count;
            _renditionKeys.Add(key);
            _isExcluded.Add(excluded is not null && excluded.Contains(lookup));
            _submissionIds[lookup] = id;
        }
        if (ord >= 0)
            _submissionOfOrd[ord] = id;
        return id;
    }

    /// <summary>The facet counts of everything collected.</summary>
    public FacetCounts Facets()
    {
        FlushSegment();
        return new FacetCounts
        {
            FiscalYear = new SortedDictionary<int, int>(_years),
            SheetType = _types.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(),
            Partner = _partners.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(),
            NoFiscalYear = _noYear,
            NoSheetType = _noType,
        };
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < _typeCounts.Length; ord++)
        {
            if (_typeCounts[ord] == 0)
                continue;
            _typeValues!.LookupOrd(ord, bytes);
            var type = bytes.Utf8ToString();
            _types[type] = _types.GetValueOrDefault(type) + _typeCounts[ord];
        }
        for (var ord = 0; ord < _partnerCounts.Length; ord++)
        {
            if (_partnerCounts[ord] == 0)
                continue;
            _partnerValues!.LookupOrd(ord, bytes);
            var partner = bytes.Utf8ToString();
            _partners[partner] = _partners.GetValueOrDefault(partner) + _partnerCounts[ord];
        }
        _typeCounts = [];
        _partnerCounts = [];
    }
}
