using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Index.Store;
using Ingest.Reports.Renewals;

namespace Ingest.Web.Catalog;

/// <summary>
/// The records of the served index, for lookup by record id, the departments for the filter, and the arrangement history
/// for record pages and the renewal report. Loaded on first use and again whenever the store has moved to another commit
/// (the server refreshes the store as requests come in, so an import committed meanwhile shows up); each snapshot is
/// one commit's records. Thread-safe: concurrent requests share one load.
/// </summary>
public sealed class RecordCatalog
{
    private readonly IndexStore _store;
    private readonly object _gate = new();
    private CatalogSnapshot? _snapshot;

    public RecordCatalog(IndexStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The records of the commit the store is on now (loaded if that commit is not the one last loaded).</summary>
    public CatalogSnapshot Current
    {
        get
        {
            using var lease = _store.AcquireSearcher();
            long? version = lease?.Version;
            if (Volatile.Read(ref _snapshot) is { } loaded && loaded.Version == version)
                return loaded;
            lock (_gate)
            {
                if (_snapshot is { } other && other.Version == version)
                    return other;
                var records = lease is null ? [] : IndexStore.AllRecords(lease).ToList();
                var snapshot = CatalogSnapshot.Build(records, version);
                Volatile.Write(ref _snapshot, snapshot);
                return snapshot;
            }
        }
    }
}

/// <summary>
/// An immutable view of every record in the index and the history linking their arrangements. The history is linked on
/// first use (record and renewal pages), so a search right after a commit, which needs only the records, does not wait for it.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly Dictionary<string, SubmissionRecord> _byId;
    private readonly ILookup<string, SubmissionRecord> _byPath;
    private readonly Lazy<ArrangementHistory> _history;
    private readonly Lazy<Dictionary<string, RenditionGroup>> _renditions;

    private CatalogSnapshot(IReadOnlyList<SubmissionRecord> records, long? version)
    {
        Records = records;
        Version = version;
        _byId = new Dictionary<string, SubmissionRecord>(StringComparer.Ordinal);
        foreach (var record in records)
            _byId.TryAdd(RecordId.Of(record), record);
        _byPath = records.ToLookup(record => record.Source.Path, StringComparer.Ordinal);
        Departments = records.Select(record => record.Department).OfType<string>().Where(d => d.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _history = new Lazy<ArrangementHistory>(() => HistoryLinker.Link(ArrangementKinds.From(records)));
        _renditions = new Lazy<Dictionary<string, RenditionGroup>>(() =>
            RenditionRule.Group(records).ToDictionary(group => group.Key, StringComparer.Ordinal));
    }

    /// <summary>Builds the view (history linking is pure and bounded by <see cref="HistoryLinker.MaxPairwiseGroup"/>).</summary>
    public static CatalogSnapshot Build(IReadOnlyList<SubmissionRecord> records, long? version = null) => new(records, version);

    public IReadOnlyList<SubmissionRecord> Records { get; }

    /// <summary>The index commit the records were read from (<see cref="SearcherLease.Version"/>); null for no index.</summary>
    public long? Version { get; }

    /// <summary>Every department named by a record, in ordinal order.</summary>
    public IReadOnlyList<string> Departments { get; }

    /// <summary>The arrangements of every record linked across years (linked once, on first use; thread-safe).</summary>
    public ArrangementHistory History => _history.Value;

    /// <summary>Submissions in the index: files carrying the same submission (renditions) count once.</summary>
    public int SubmissionCount => _renditions.Value.Count;

    /// <summary>The files carrying <paramref name="record"/>'s submission, the most faithful first (grouped once per snapshot).</summary>
    public RenditionGroup RenditionsOf(SubmissionRecord record) =>
        _renditions.Value.GetValueOrDefault(RenditionRule.KeyOf(record)) ?? new RenditionGroup(RenditionRule.KeyOf(record), [record]);

    /// <summary>The record with this id (<c>sha256</c> and ordinal), or null.</summary>
    public SubmissionRecord? Find(string sha256, int ordinal) => _byId.GetValueOrDefault(RecordId.Of(sha256, ordinal));

    /// <summary>
    /// The record a report row or history entry describes: of the file's submissions, the one whose 件名 or a sheet's 件名
    /// equals <paramref name="title"/>, else the file's first.
    /// </summary>
    public SubmissionRecord? FindByPath(string path, string? title)
    {
        var candidates = _byPath[path].OrderBy(record => record.Ordinal).ToList();
        if (candidates.Count == 0)
            return null;
        return candidates.FirstOrDefault(record => title is not null
                   && (record.Title == title || record.Sheets.Any(sheet => sheet.Title == title)))
               ?? candidates[0];
    }
}

/// <summary>Record ids and the URLs built on them: <c>/record/{sha256}/{ordinal}</c>.</summary>
public static class RecordId
{
    /// <summary>The id of a record: its file's SHA-256 and its ordinal within the file.</summary>
    public static string Of(SubmissionRecord record) => Of(record.Source.Sha256, record.Ordinal);

    public static string Of(string sha256, int ordinal) => $"{sha256}#{ordinal}";

    /// <summary>The record page's URL.</summary>
    public static string Url(SubmissionRecord record) => $"/record/{Uri.EscapeDataString(record.Source.Sha256)}/{record.Ordinal}";

    /// <summary>Whether a route value looks like a SHA-256 in hex (64 digits), the only form record routes accept.</summary>
    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigit);
}
