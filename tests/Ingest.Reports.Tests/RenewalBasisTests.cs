using System.Text;
using Ingest.Core.Records;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;

namespace Ingest.Reports.Tests;

/// <summary>
/// The kept renewal basis: a report built from the file is the report built from the records, byte for byte in every
/// format, on every date; a file of another commit, or cut short, or not one at all, is never trusted.
/// </summary>
public sealed class RenewalBasisTests
{
    private static readonly Lazy<IReadOnlyList<SubmissionRecord>> _records =
        new(() => [.. Corpus.Seeds(), .. Corpus.Renewals(), .. Corpus.Renditions(), .. Corpus.ExtractAll(Path.Combine(AppContext.BaseDirectory, "corpus", "labels"))]);

    private static ArrangementHistory Linked() => HistoryLinker.Link(ArrangementKinds.From(_records.Value));

    private static byte[] Written(ArrangementHistory history, string commit)
    {
        using var stream = new MemoryStream();
        RenewalBasis.Write(history, commit, stream);
        return stream.ToArray();
    }

    private static string Output(IReportWriter writer, RenewalReport report)
    {
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return writer.IsBinary ? Convert.ToBase64String(stream.ToArray()) : Encoding.UTF8.GetString(stream.ToArray());
    }

    public static TheoryData<string> Dates() => new() { "2019-04-01", "2024-03-15", "2026-11-22", "2031-01-01" };

    [Theory]
    [MemberData(nameof(Dates))]
    public void A_report_from_the_kept_basis_is_the_report_from_the_records(string date)
    {
        var read = RenewalBasis.Read(new MemoryStream(Written(Linked(), "segments_7@42")), "segments_7@42");
        Assert.NotNull(read);
        var query = new RenewalQuery { AsOf = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) };
        var fromRecords = RenewalReportBuilder.Build(_records.Value, query);
        var fromBasis = RenewalReportBuilder.Build(read, query);
        Assert.True(fromRecords.Rows.Count > 20, "the corpus has arrangements of every kind");
        Assert.Contains(fromRecords.Rows, row => row.Status == ArrangementStatus.NeedsReview);
        Assert.Contains(fromRecords.Rows, row => row.Status == ArrangementStatus.Replaced);
        foreach (var writer in ReportWriters.All.Where(writer => !writer.IsBinary))
            Assert.Equal(Output(writer, fromRecords), Output(writer, fromBasis));
        foreach (var kind in ArrangementKinds.Filterable)
        {
            var filtered = query with { SheetType = kind };
            Assert.Equal(Output(new JsonReportWriter(), RenewalReportBuilder.Build(_records.Value, filtered)), Output(new JsonReportWriter(), RenewalReportBuilder.Build(read, filtered)));
        }
    }

    [Fact]
    public void The_basis_leaves_out_the_long_texts_no_report_shows()
    {
        var history = Linked();
        var text = Encoding.UTF8.GetString(Written(history, "c"));
        var measures = history.Arrangements.SelectMany(a => a.Sheet.Fields).Where(f => f.Key.Contains("情報保護対策", StringComparison.Ordinal) && f.Value.Length > 20).ToList();
        Assert.NotEmpty(measures);
        Assert.DoesNotContain(measures, field => text.Contains(field.Value, StringComparison.Ordinal));
        var records = _records.Value.Sum(record => RecordJson.Serialize(record, indented: false).Length);
        Assert.True(text.Length < records / 2, $"basis {text.Length} characters, records {records}");
    }

    [Fact]
    public void A_basis_of_another_commit_cut_short_or_not_a_basis_is_not_read()
    {
        var bytes = Written(Linked(), "segments_7@42");
        Assert.Null(RenewalBasis.Read(new MemoryStream(bytes), "segments_8@43"));
        Assert.True(RenewalBasis.IsOf(new MemoryStream(bytes), "segments_7@42"));
        Assert.False(RenewalBasis.IsOf(new MemoryStream(bytes), "segments_8@43"));
        Assert.False(RenewalBasis.IsOf(new MemoryStream("not a basis\n"u8.ToArray()), "segments_7@42"));
        Assert.Null(RenewalBasis.Read(new MemoryStream(bytes[..(bytes.Length * 2 / 3)]), "segments_7@42"));
        Assert.Null(RenewalBasis.Read(new MemoryStream([.. bytes, .. "extra\n"u8.ToArray()]), "segments_7@42"));
        Assert.Null(RenewalBasis.Read(new MemoryStream("not a basis\n"u8.ToArray()), "segments_7@42"));
        Assert.Null(RenewalBasis.Read(new MemoryStream([]), "segments_7@42"));
        var otherBuild = Encoding.UTF8.GetString(bytes).Replace(RenewalBasis.CodeIdentity, new string('0', 32), StringComparison.Ordinal);
        Assert.Null(RenewalBasis.Read(new MemoryStream(Encoding.UTF8.GetBytes(otherBuild)), "segments_7@42"));
    }

    [Fact]
    public void A_basis_with_a_line_the_writer_never_makes_is_not_read()
    {
        var text = Encoding.UTF8.GetString(Written(Linked(), "c"));
        Assert.NotNull(RenewalBasis.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "c"));
        var lines = text.Split('\n');
        var list = Array.FindIndex(lines, line => line.Contains('\u001e'));
        Assert.True(list > 0, "some sheet line holds a list");
        string[] damaged =
        [
            Replace(list, lines[list].Replace("\u001f", "\u001f\u001f", StringComparison.Ordinal)), // an item with three parts
            Replace(list, lines[list].Replace("\t\u001e", "\t\u001e\u001e", StringComparison.Ordinal)), // an empty item
            Replace(list, lines[list] + "\textra"), // a field too many
            Replace(list, lines[list][..lines[list].LastIndexOf('\t')]), // a field too few
            Replace(1, lines[1] + "\r"), // a carriage return
            Replace(1, "\\q" + lines[1]), // an unknown escape
            Replace(0, string.Join('\t', lines[0].Split('\t')[..4]) + "\t2000000000\t1\t1"), // a count no file of this size holds
            Replace(1, lines[1][..lines[1].LastIndexOf('\t')] + "\t2000000000"), // a sheet count likewise
            Replace(1, lines[1][..lines[1].LastIndexOf('\t')] + "\t-1"),
        ];
        foreach (var file in damaged)
        {
            // Refused without sizing anything by a damaged count: a count of 2,000,000,000 once allocated a 16 GB array first.
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            Assert.Null(RenewalBasis.Read(new MemoryStream(Encoding.UTF8.GetBytes(file)), "c"));
            var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Assert.True(used < 256L << 20, $"{used:N0} bytes allocated to refuse a damaged basis");
        }

        string Replace(int at, string line) => string.Join('\n', lines.Select((old, i) => i == at ? line : old));
    }

    [Fact]
    public void A_file_larger_than_a_basis_can_be_is_not_read_whether_or_not_it_can_seek()
    {
        var bytes = Written(Linked(), "c");
        Assert.NotNull(RenewalBasis.Read(new MemoryStream(bytes), "c", bytes.Length));
        Assert.Null(RenewalBasis.Read(new MemoryStream(bytes), "c", bytes.Length - 1));
        Assert.NotNull(RenewalBasis.Read(new BufferedStream(new OneWay(bytes)), "c", bytes.Length));
        Assert.Null(RenewalBasis.Read(new OneWay(bytes), "c", bytes.Length - 1));
    }

    /// <summary>A stream that can only be read forward, as a pipe.</summary>
    private sealed class OneWay(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public void Evidence_with_tabs_and_line_breaks_survives_the_line_format()
    {
        var history = Linked();
        Assert.NotEmpty(history.Links);
        var link = history.Links[0];
        // Text that looks like the file's own marks: separators, escapes, the null marker, a leading list separator.
        string[] odd = ["平成23年度\t第7回\n承認済 \"済\"", "\\N", "\u001e区民課\u001f", "末尾の\\", ""];
        foreach (var evidence in odd)
        {
            var changed = new ArrangementHistory(history.Arrangements, [link with { Evidence = evidence }, .. history.Links.Skip(1)]);
            var read = RenewalBasis.Read(new MemoryStream(Written(changed, "c")), "c");
            Assert.NotNull(read);
            Assert.Equal(evidence, read.Links[0].Evidence);
            Assert.Equal(history.Links.Count, read.Links.Count);
        }
    }

    [Fact]
    public void Partners_periods_and_fields_with_the_files_own_marks_survive()
    {
        var records = _records.Value.ToList();
        var at = records.FindIndex(record => record.Sheets.Any(sheet => ArrangementKinds.IsArrangement(sheet.Type) && sheet.Period is not null));
        var record = records[at];
        var sheetAt = record.Sheets.ToList().FindIndex(sheet => ArrangementKinds.IsArrangement(sheet.Type) && sheet.Period is not null);
        var sheet = record.Sheets[sheetAt];
        var fields = sheet.Fields.ToDictionary();
        fields[Arrangement.OwningSectionLabel] = "\\N";
        var odd = sheet with
        {
            Partners = ["\\N", "a\u001eb\u001fc", "", "タブ\t入り"],
            Period = sheet.Period! with { Text = "令和7年4月1日\nから\t令和8年3月31日まで\\" },
            Fields = fields,
        };
        records[at] = record with { Sheets = [.. record.Sheets.Select((s, i) => i == sheetAt ? odd : s)] };
        var history = HistoryLinker.Link(ArrangementKinds.From(records));
        var read = RenewalBasis.Read(new MemoryStream(Written(history, "c")), "c");
        Assert.NotNull(read);
        var query = new RenewalQuery { AsOf = new DateOnly(2026, 11, 22) };
        var expected = Output(new JsonReportWriter(), RenewalReportBuilder.Build(records, query));
        Assert.Contains("タブ", expected);
        Assert.Equal(expected, Output(new JsonReportWriter(), RenewalReportBuilder.Build(read, query)));
    }
}
