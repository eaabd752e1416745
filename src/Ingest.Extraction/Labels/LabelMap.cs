namespace Ingest.Extraction.Labels;

/// <summary>One line of a staff label map: a label as written, the sheet kind it holds for (null: any), the canonical field.</summary>
public sealed record LabelMapEntry(string Label, string? Kind, string Field, int Line);

/// <summary>
/// What staff taught: labels as their sections write them, mapped to canonical fields (<c>labels.csv</c>: label, sheet kind,
/// field). Certain, like the catalogue, and consulted first: a label the map names is mapped as the map says. Validated
/// when built: an unknown field or kind, a field the kind does not have, or one label mapped two ways is refused with its
/// line number. Immutable and thread-safe.
/// </summary>
public sealed class LabelMap
{
    /// <summary>The kind column's word for "any kind" (an empty cell means the same).</summary>
    public const string AnyKind = "*";

    private readonly Dictionary<(string Key, string? Kind), LabelMapEntry> _entries;

    private LabelMap(Dictionary<(string, string?), LabelMapEntry> entries) => _entries = entries;

    /// <summary>No staff mappings.</summary>
    public static LabelMap Empty { get; } = new([]);

    public int Count => _entries.Count;

    public bool IsEmpty => _entries.Count == 0;

    public IEnumerable<LabelMapEntry> Entries => _entries.Values.OrderBy(e => e.Line);

    /// <summary>
    /// Builds a map from rows (line number, cells: label, kind, field), refusing the first bad row with
    /// <see cref="FormatException"/> "<paramref name="sourceName"/>:LINE: reason".
    /// </summary>
    public static LabelMap FromRows(IEnumerable<(int Line, IReadOnlyList<string> Cells)> rows, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entries = new Dictionary<(string, string?), LabelMapEntry>();
        foreach (var (line, cells) in rows)
        {
            string Fail(string reason) => throw new FormatException($"{sourceName}:{line}: {reason}");
            if (cells.Count < 3)
                Fail("expected three columns: label, sheet kind, field");
            var label = cells[0].Trim();
            var kindCell = cells[1].Trim();
            var field = cells[2].Trim();
            var key = KeyOf(label);
            if (key.Length == 0)
                Fail("the label is empty");
            string? kind = kindCell is "" or AnyKind ? null : SheetFields.Catalogued(kindCell);
            if (kindCell is not ("" or AnyKind) && kind is null)
                Fail($"unknown sheet kind '{kindCell}' (use one of {string.Join(", ", SheetFields.CataloguedKinds)}, or {AnyKind} for any)");
            if (!SheetFields.FieldsOf(null).Contains(field))
                Fail($"unknown canonical field '{field}'" + (NearestField(field, kind) is { } near ? $" (did you mean {near}?)" : " (the fields are listed in the README's record contract)"));
            if (kind is not null && !SheetFields.FieldsOf(kind).Contains(field))
                Fail($"'{field}' is not a field of {kind} sheets");
            if (entries.TryGetValue((key, kind), out var earlier) && earlier.Field != field)
                Fail($"'{label}' is mapped to {earlier.Field} on line {earlier.Line} already");
            entries[(key, kind)] = new LabelMapEntry(label, kind, field, line);
        }
        return new LabelMap(entries);
    }

    /// <summary>
    /// The field staff mapped <paramref name="label"/> (folded, as written) to on a sheet of <paramref name="kind"/>: the
    /// kind's own entry, else the any-kind entry, else — when the kind is not known — the one field every entry for the
    /// label agrees on.
    /// </summary>
    public LabelMapEntry? Find(string label, string? kind)
    {
        if (_entries.Count == 0)
            return null;
        var key = KeyOf(label);
        var catalogued = SheetFields.Catalogued(kind);
        if (catalogued is not null && _entries.TryGetValue((key, catalogued), out var own))
            return own;
        if (_entries.TryGetValue((key, null), out var any))
            return any;
        if (kind is null)
        {
            var all = _entries.Values.Where(e => e.Label.Length > 0 && KeyOf(e.Label) == key).ToList();
            if (all.Count > 0 && all.All(e => e.Field == all[0].Field))
                return all[0];
        }
        return null;
    }

    /// <summary>Whether staff mapped this label on some kind of sheet (a running line holding it starts a field).</summary>
    public bool Knows(string label)
    {
        var key = KeyOf(label);
        return _entries.Keys.Any(k => k.Key == key);
    }

    /// <summary>The field of the kind whose name shares the longest beginning with a misspelt one (委託の開始時期 → 委託の開始時期及び期限).</summary>
    private static string? NearestField(string field, string? kind)
    {
        var best = SheetFields.FieldsOf(kind)
            .Select(f => (Field: f, Shared: f.Zip(field).TakeWhile(pair => pair.First == pair.Second).Count()))
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Field.Length).ThenBy(c => c.Field, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Shared >= 2 ? best.Field : null;
    }

    /// <summary>Labels are compared as the catalogue compares them: folded, without a parenthetical after them.</summary>
    private static string KeyOf(string label) => LabelCatalog.StripParenthetical(LabelKey.Fold(label));
}
