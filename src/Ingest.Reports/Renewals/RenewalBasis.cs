using System.Globalization;
using System.Text;
using Ingest.Core.Records;

namespace Ingest.Reports.Renewals;

/// <summary>
/// What every renewal report of one index commit starts from, whatever its date or filter: the arrangements of each
/// submission's most faithful rendition, linked across years (<see cref="ArrangementHistory"/>). Reading every record and
/// linking them is nearly all of a report's time over a large archive, and the result only changes when the index does,
/// so it can be kept as a file and read back instead of made again.
/// <para>
/// The file is text, one item a line, tab-separated: a header naming the format, the build that wrote it and the commit
/// it was made from; each submission with the part of its record a report shows (where it came from, title, year, meeting,
/// number) and the number of its arrangement sheets, each on a line of its own with what reports read of a sheet (see
/// <see cref="WriteSheet"/>); each arrangement as its submission, its sheet among those lines and its place in the
/// original; each link as the two arrangements, the reason and the evidence. A file of another commit, format or build,
/// or not whole, is ignored, never trusted. No JSON: a report over 10,000 submissions reads this in a blink, not the
/// tenths of a second a serializer needs to start.
/// </para>
/// </summary>
public static class RenewalBasis
{
    private const string Magic = "ingest-renewal-basis";
    private const int FormatVersion = 2;
    private const string Null = "\\N";
    private const char ItemSeparator = '\u001e';
    private const char PartSeparator = '\u001f';

    /// <summary>
    /// The build of the code that links and reads the basis: a basis made by another build may link differently, so it is
    /// not read back (a new build of the reports assembly has a new module id).
    /// </summary>
    public static string CodeIdentity { get; } = typeof(RenewalBasis).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Writes <paramref name="history"/>, made from the commit named <paramref name="commit"/>, to <paramref name="output"/>.</summary>
    public static void Write(ArrangementHistory history, string commit, Stream output)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(output);
        var submissions = new List<(SubmissionRecord Record, List<SheetRecord> Sheets)>();
        var lineOf = new Dictionary<SubmissionRecord, int>(ReferenceEqualityComparer.Instance);
        var places = new List<(int Submission, int Sheet, int SheetIndex)>();
        foreach (var arrangement in history.Arrangements)
        {
            if (!lineOf.TryGetValue(arrangement.Submission, out var line))
            {
                lineOf[arrangement.Submission] = line = submissions.Count;
                submissions.Add((arrangement.Submission, []));
            }
            places.Add((line, submissions[line].Sheets.Count, arrangement.SheetIndex));
            submissions[line].Sheets.Add(arrangement.Sheet);
        }
        var position = new Dictionary<Arrangement, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < history.Arrangements.Count; i++)
            position[history.Arrangements[i]] = i;

        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        WriteLine(writer, Magic, Count(FormatVersion), CodeIdentity, Escape(commit), Count(submissions.Count), Count(places.Count), Count(history.Links.Count));
        foreach (var (record, sheets) in submissions)
        {
            WriteLine(writer, Escape(record.Source.Path), Count(record.Ordinal), Escape(record.Title), Number(record.FiscalYear), Number(record.Meeting),
                Escape(record.DocumentNumber), Count(sheets.Count));
            foreach (var sheet in sheets)
                WriteSheet(writer, sheet);
        }
        foreach (var (line, sheet, sheetIndex) in places)
            WriteLine(writer, Count(line), Count(sheet), Count(sheetIndex));
        foreach (var link in history.Links)
            WriteLine(writer, Count(position[link.Earlier]), Count(position[link.Later]), link.Reason.ToString(), Escape(link.Evidence));
    }

    /// <summary>
    /// The history a basis file holds, or null when it was made from another commit (or by another build, or in another
    /// format) or is not whole: the caller then links the records again.
    /// </summary>
    /// <remarks>
    /// Read as one text and cut into spans rather than line by line into split strings: this runs at the start of every
    /// report, and a string per field was most of its time. Texts that repeat (kinds, sections, partners, a title over
    /// the years) are made once and shared.
    /// </remarks>
    public static ArrangementHistory? Read(Stream input, string commit) => Read(input, commit, MaxBytes);

    /// <summary><see cref="Read(Stream, string)"/> of a file at most <paramref name="maxBytes"/> long (larger: null).</summary>
    internal static ArrangementHistory? Read(Stream input, string commit, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            if (ReadAllText(input, maxBytes) is not { } text)
                return null;
            var lines = new LineCursor(text);
            var header = lines.Next();
            if (!IsHeaderOf(header, commit))
                return null;
            var texts = new TextPool();
            var headerFields = new FieldCursor(header);
            for (var i = 0; i < 4; i++)
                headerFields.Next();
            // Every item is a line of its own, so a count beyond the file's lines is damage (and must not size an array).
            var most = text.Length / 2;
            var (submissionCount, arrangementCount, linkCount) = (Count(headerFields.Next(), most), Count(headerFields.Next(), most), Count(headerFields.Last(), most));
            var submissions = new SubmissionRecord[submissionCount];
            for (var i = 0; i < submissionCount; i++)
            {
                var fields = new FieldCursor(lines.Next());
                var path = Unescape(fields.Next(), null) ?? throw new FormatException("no path");
                var (ordinal, title, fiscalYear, meeting, number) =
                    (Parse(fields.Next()), Unescape(fields.Next(), texts), NumberOf(fields.Next()), NumberOf(fields.Next()), Unescape(fields.Next(), texts));
                var sheets = new SheetRecord[Count(fields.Last(), most)];
                for (var s = 0; s < sheets.Length; s++)
                    sheets[s] = ReadSheet(lines.Next(), texts);
                submissions[i] = new SubmissionRecord
                {
                    Source = new SourceInfo { Path = path, Sha256 = string.Empty, Format = string.Empty },
                    Ordinal = ordinal,
                    Title = title,
                    FiscalYear = fiscalYear,
                    Meeting = meeting,
                    DocumentNumber = number,
                    Sheets = sheets,
                };
            }
            var arrangements = new Arrangement[arrangementCount];
            for (var i = 0; i < arrangementCount; i++)
            {
                var fields = new FieldCursor(lines.Next());
                var submission = submissions[Parse(fields.Next())];
                var sheet = submission.Sheets[Parse(fields.Next())];
                arrangements[i] = new Arrangement { Submission = submission, Sheet = sheet, SheetIndex = Parse(fields.Last()) };
            }
            var links = new HistoryLink[linkCount];
            for (var i = 0; i < linkCount; i++)
            {
                var fields = new FieldCursor(lines.Next());
                links[i] = new HistoryLink
                {
                    Earlier = arrangements[Parse(fields.Next())],
                    Later = arrangements[Parse(fields.Next())],
                    Reason = Enum.Parse<LinkReason>(fields.Next()),
                    Evidence = Unescape(fields.Last(), texts) ?? throw new FormatException("no evidence"),
                };
            }
            return lines.AtEnd ? new ArrangementHistory(arrangements, links) : null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException or OverflowException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Largest basis read: 100,000 submissions make about 50 MB; a file far larger is not one of ours.</summary>
    private const long MaxBytes = 1L << 30;

    // The whole stream as text, decoded once (a basis over 10,000 submissions is about 5 MB); null when it is too large.
    private static string? ReadAllText(Stream input, long maxBytes)
    {
        if (input.CanSeek)
        {
            var left = input.Length - input.Position;
            if (left > maxBytes)
                return null;
            var bytes = new byte[left];
            input.ReadExactly(bytes);
            return Encoding.UTF8.GetString(bytes);
        }
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        for (int read; (read = input.Read(buffer)) > 0;)
        {
            if (copy.Length + read > maxBytes)
                return null;
            copy.Write(buffer, 0, read);
        }
        return Encoding.UTF8.GetString(copy.GetBuffer(), 0, (int)copy.Length);
    }

    /// <summary>
    /// Whether <paramref name="input"/> starts as a basis of <paramref name="commit"/> made by this build: read from its first
    /// line only, for a caller that need not read the rest (an import checking that the kept basis is still current).
    /// </summary>
    public static bool IsOf(Stream input, string commit)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(commit);
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 4096, leaveOpen: true);
        try
        {
            return reader.ReadLine() is { } header && IsHeaderOf(header, commit);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // Whether a header line names this format, this build and the commit.
    private static bool IsHeaderOf(ReadOnlySpan<char> line, string commit)
    {
        var fields = new FieldCursor(line);
        if (!fields.Next().SequenceEqual(Magic) || !fields.Next().SequenceEqual(Count(FormatVersion)) || !fields.Next().SequenceEqual(CodeIdentity)
            || Unescape(fields.Next(), null) != commit)
            return false;
        for (var i = 0; i < 2; i++)
            fields.Next();
        fields.Last();
        return true;
    }

    /// <summary>
    /// An arrangement sheet with what reports read of it: kind, title, partners, period, the fields an arrangement is named
    /// by (保有課, 登録業務の名称), and the unknown labels with their values, which name what a review row is missing
    /// (<see cref="ReviewReasons"/>). The long texts (measures, reasons, items) are left out: no report row shows them.
    /// </summary>
    private static void WriteSheet(StreamWriter writer, SheetRecord sheet)
    {
        var unknown = sheet.Labels.Where(label => label.Value.How == LabelHow.Unknown).ToList();
        var fields = sheet.Fields
            .Where(field => field.Key is Arrangement.OwningSectionLabel or Arrangement.BusinessNameLabel || unknown.Any(label => label.Value.Field == field.Key))
            .Select(field => (field.Key, field.Value));
        var period = sheet.Period;
        WriteLine(writer, Escape(sheet.Type), Escape(sheet.Title), Items(sheet.Partners.Select(partner => (partner, (string?)null))), Items(fields!),
            Items(unknown.Select(label => (label.Key, (string?)label.Value.Field))),
            period is null ? Null : "p", Escape(period?.Text), Date(period?.Start), Date(period?.End), Escape(period?.Recurrence.ToString()),
            Date(period?.FirstStarted), Escape(period?.Evidence));
    }

    private static SheetRecord ReadSheet(ReadOnlySpan<char> line, TextPool texts)
    {
        var fields = new FieldCursor(line);
        var type = Unescape(fields.Next(), texts) ?? throw new FormatException("no sheet type");
        var title = Unescape(fields.Next(), texts);
        var partners = new List<string>();
        foreach (var (key, _) in new ItemCursor(fields.Next(), texts))
            partners.Add(key);
        Dictionary<string, string>? named = null;
        foreach (var (key, value) in new ItemCursor(fields.Next(), texts))
            (named ??= new Dictionary<string, string>(2, StringComparer.Ordinal)).Add(key, value ?? string.Empty);
        Dictionary<string, LabelMapping>? unknown = null;
        foreach (var (key, value) in new ItemCursor(fields.Next(), texts))
            (unknown ??= new Dictionary<string, LabelMapping>(StringComparer.Ordinal)).Add(key, new LabelMapping { Field = value ?? throw new FormatException("no field"), How = LabelHow.Unknown });
        Period? period = null;
        if (!fields.Next().SequenceEqual(Null))
        {
            period = new Period
            {
                Text = Unescape(fields.Next(), texts) ?? string.Empty,
                Start = DateOf(fields.Next()),
                End = DateOf(fields.Next()),
                Recurrence = Enum.Parse<Recurrence>(fields.Next()),
                FirstStarted = DateOf(fields.Next()),
                Evidence = Unescape(fields.Last(), texts),
            };
        }
        else
        {
            for (var i = 0; i < 5; i++)
                fields.Next();
            fields.Last();
        }
        return new SheetRecord
        {
            Type = type,
            Title = title,
            Partners = partners.Count == 0 ? [] : [.. partners],
            Fields = named ?? NoFields,
            Labels = unknown ?? NoLabels,
            Period = period,
        };
    }

    private static readonly Dictionary<string, string> NoFields = [];
    private static readonly Dictionary<string, LabelMapping> NoLabels = [];

    // Each field already in its written form: escaped text (Escape), a list (Items), a number or a date.
    private static void WriteLine(StreamWriter writer, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                writer.Write('\t');
            writer.Write(fields[i]);
        }
        writer.WriteLine();
    }

    // A list of (key, optional value) pairs; it starts with the item separator so an empty list and a list of one empty key differ.
    private static string Items(IEnumerable<(string Key, string? Value)> items)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in items)
            text.Append(ItemSeparator).Append(Escape(key)).Append(PartSeparator).Append(Escape(value));
        return text.Length == 0 ? Null : text.ToString();
    }

    // Document text may hold anything: the characters that shape a line are written as backslash escapes.
    private static string Escape(string? text)
    {
        if (text is null)
            return Null;
        if (text.AsSpan().IndexOfAny("\\\t\n\r\u001e\u001f") < 0)
            return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                ItemSeparator => "\\i",
                PartSeparator => "\\p",
                _ => null,
            } ?? c.ToString());
        }
        return escaped.ToString();
    }

    // The text of an escaped field, or null for \N; shared through the pool when one is given.
    private static string? Unescape(ReadOnlySpan<char> text, TextPool? pool)
    {
        if (text.SequenceEqual(Null))
            return null;
        if (!text.Contains('\\'))
            return pool is null ? new string(text) : pool.Get(text);
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                plain.Append(text[i]);
                continue;
            }
            if (++i == text.Length)
                throw new FormatException("a line ends in an escape");
            plain.Append(text[i] switch
            {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                'i' => ItemSeparator,
                'p' => PartSeparator,
                _ => throw new FormatException($"unknown escape \\{text[i]}"),
            });
        }
        var unescaped = plain.ToString();
        return pool is null ? unescaped : pool.Get(unescaped);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Null;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Null;

    private static int Parse(ReadOnlySpan<char> text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static int Count(ReadOnlySpan<char> text, int most)
    {
        var count = Parse(text);
        return count >= 0 && count <= most ? count : throw new FormatException($"a count of {count} in a file of {most * 2} characters");
    }

    private static int? NumberOf(ReadOnlySpan<char> text) => text.SequenceEqual(Null) ? null : Parse(text);

    private static DateOnly? DateOf(ReadOnlySpan<char> text) =>
        text.SequenceEqual(Null) ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The lines of a basis, one at a time; only <c>\n</c> ends a line (text holding line breaks is escaped).</summary>
    private ref struct LineCursor(string text)
    {
        private int _next;

        public readonly bool AtEnd => _next >= text.Length;

        public ReadOnlySpan<char> Next()
        {
            if (AtEnd)
                throw new EndOfStreamException("the basis ends early");
            var rest = text.AsSpan(_next);
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            _next += end < 0 ? rest.Length : end + 1;
            return line.Contains('\r') ? throw new FormatException("a line holds a carriage return") : line;
        }
    }

    /// <summary>The tab-separated fields of one line; <see cref="Last"/> takes the last and checks nothing follows it.</summary>
    private ref struct FieldCursor(ReadOnlySpan<char> line)
    {
        private ReadOnlySpan<char> _rest = line;
        private bool _done;

        public ReadOnlySpan<char> Next()
        {
            if (_done)
                throw new FormatException("a line has too few fields");
            var end = _rest.IndexOf('\t');
            if (end < 0)
            {
                _done = true;
                return _rest;
            }
            var field = _rest[..end];
            _rest = _rest[(end + 1)..];
            return field;
        }

        public ReadOnlySpan<char> Last()
        {
            var field = Next();
            return _done ? field : throw new FormatException("a line has too many fields");
        }
    }

    /// <summary>The (key, optional value) items of a list field (see <see cref="Items"/>).</summary>
    private ref struct ItemCursor(ReadOnlySpan<char> field, TextPool texts)
    {
        private ReadOnlySpan<char> _rest = field.SequenceEqual(Null) ? [] : field.Length > 0 && field[0] == ItemSeparator ? field[1..]
            : throw new FormatException("a list that does not start with its separator");
        // Every separator promises an item after it.
        private bool _more = !field.SequenceEqual(Null);

        public (string Key, string? Value) Current { get; private set; }

        public readonly ItemCursor GetEnumerator() => this;

        public bool MoveNext()
        {
            if (!_more)
                return false;
            var end = _rest.IndexOf(ItemSeparator);
            _more = end >= 0;
            var item = end < 0 ? _rest : _rest[..end];
            _rest = end < 0 ? [] : _rest[(end + 1)..];
            var part = item.IndexOf(PartSeparator);
            if (part < 0 || item[(part + 1)..].Contains(PartSeparator))
                throw new FormatException("a list item without its two parts");
            Current = (Unescape(item[..part], texts) ?? throw new FormatException("no key"), Unescape(item[(part + 1)..], texts));
            return true;
        }
    }

    /// <summary>One string for each distinct text read, so a text repeated on many lines is kept once.</summary>
    private sealed class TextPool
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

        public string Get(ReadOnlySpan<char> text)
        {
            var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var known))
                return known;
            var made = new string(text);
            _texts.Add(made, made);
            return made;
        }

        public string Get(string text)
        {
            if (_texts.TryGetValue(text, out var known))
                return known;
            _texts.Add(text, text);
            return text;
        }
    }
}
