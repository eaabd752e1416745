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
    public static ArrangementHistory? Read(Stream input, string commit)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(commit);
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
        try
        {
            if (Header(reader, commit) is not { } header)
                return null;
            var (submissionCount, arrangementCount, linkCount) = (Parse(header[4]), Parse(header[5]), Parse(header[6]));
            var submissions = new SubmissionRecord[submissionCount];
            for (var i = 0; i < submissionCount; i++)
            {
                var fields = Fields(reader, 7);
                var sheets = new SheetRecord[Parse(fields[6])];
                for (var s = 0; s < sheets.Length; s++)
                    sheets[s] = ReadSheet(reader);
                submissions[i] = new SubmissionRecord
                {
                    Source = new SourceInfo { Path = Unescape(fields[0]) ?? throw new FormatException("no path"), Sha256 = string.Empty, Format = string.Empty },
                    Ordinal = Parse(fields[1]),
                    Title = Unescape(fields[2]),
                    FiscalYear = NumberOf(fields[3]),
                    Meeting = NumberOf(fields[4]),
                    DocumentNumber = Unescape(fields[5]),
                    Sheets = sheets,
                };
            }
            var arrangements = new Arrangement[arrangementCount];
            for (var i = 0; i < arrangementCount; i++)
            {
                var fields = Fields(reader, 3);
                var submission = submissions[Parse(fields[0])];
                arrangements[i] = new Arrangement { Submission = submission, Sheet = submission.Sheets[Parse(fields[1])], SheetIndex = Parse(fields[2]) };
            }
            var links = new HistoryLink[linkCount];
            for (var i = 0; i < linkCount; i++)
            {
                var fields = Fields(reader, 4);
                links[i] = new HistoryLink
                {
                    Earlier = arrangements[Parse(fields[0])],
                    Later = arrangements[Parse(fields[1])],
                    Reason = Enum.Parse<LinkReason>(fields[2]),
                    Evidence = Unescape(fields[3]) ?? throw new FormatException("no evidence"),
                };
            }
            return reader.ReadLine() is null ? new ArrangementHistory(arrangements, links) : null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException or OverflowException or EndOfStreamException)
        {
            return null;
        }
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
            return Header(reader, commit) is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // The header's fields when it names this format, this build and the commit; else null.
    private static string[]? Header(StreamReader reader, string commit)
    {
        var header = reader.ReadLine()?.Split('\t');
        return header is { Length: 7 } && header[0] == Magic && header[1] == Count(FormatVersion) && header[2] == CodeIdentity
            && Unescape(header[3]) == commit ? header : null;
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

    private static SheetRecord ReadSheet(StreamReader reader)
    {
        var fields = Fields(reader, 12);
        var unknown = ItemsOf(fields[4]).ToDictionary(item => item.Key, item => new LabelMapping { Field = item.Value ?? throw new FormatException("no field"), How = LabelHow.Unknown });
        return new SheetRecord
        {
            Type = Unescape(fields[0]) ?? throw new FormatException("no sheet type"),
            Title = Unescape(fields[1]),
            Partners = [.. ItemsOf(fields[2]).Select(item => item.Key)],
            Fields = ItemsOf(fields[3]).ToDictionary(item => item.Key, item => item.Value ?? string.Empty),
            Labels = unknown,
            Period = fields[5] == Null ? null : new Period
            {
                Text = Unescape(fields[6]) ?? string.Empty,
                Start = DateOf(fields[7]),
                End = DateOf(fields[8]),
                Recurrence = Enum.Parse<Recurrence>(fields[9]),
                FirstStarted = DateOf(fields[10]),
                Evidence = Unescape(fields[11]),
            },
        };
    }

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

    private static string[] Fields(StreamReader reader, int count)
    {
        var fields = (reader.ReadLine() ?? throw new EndOfStreamException("the basis ends early")).Split('\t');
        return fields.Length == count ? fields : throw new FormatException($"{fields.Length} fields, expected {count}");
    }

    // A list of (key, optional value) pairs; it starts with the item separator so an empty list and a list of one empty key differ.
    private static string Items(IEnumerable<(string Key, string? Value)> items)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in items)
            text.Append(ItemSeparator).Append(Escape(key)).Append(PartSeparator).Append(Escape(value));
        return text.Length == 0 ? Null : text.ToString();
    }

    private static IEnumerable<(string Key, string? Value)> ItemsOf(string text)
    {
        if (text == Null)
            yield break;
        foreach (var item in text.Split(ItemSeparator).Skip(1))
        {
            var parts = item.Split(PartSeparator);
            if (parts.Length != 2)
                throw new FormatException("a list item without its two parts");
            yield return (Unescape(parts[0]) ?? throw new FormatException("no key"), Unescape(parts[1]));
        }
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

    private static string? Unescape(string text)
    {
        if (text == Null)
            return null;
        if (!text.Contains('\\'))
            return text;
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
        return plain.ToString();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Null;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Null;

    private static int Parse(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static int? NumberOf(string text) => text == Null ? null : Parse(text);

    private static DateOnly? DateOf(string text) =>
        text == Null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
