using System.IO.Compression;
using System.Text;
using Ingest.Cli.Commands;
using Ingest.Core.Records;
using Ingest.Japanese;
using Ingest.Pipeline;

namespace Ingest.Cli.Tests;

/// <summary>
/// <c>ingest report renewals</c> over the seeds' records (formats, filters, usage errors, the clock's default date) and
/// <c>ingest tokenize</c> (Kuromoji's TSV columns, the domain dictionary, the analyzer, a bad dictionary named).
/// </summary>
public sealed class ReportAndTokenizeCommandTests
{
    private static readonly IReadOnlyList<SubmissionRecord> _seedRecords = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"))
        .Order(StringComparer.Ordinal)
        .SelectMany(path => IngestPipeline.Default.ExtractFile(path).Submissions)
        .ToArray();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly TimeProvider _clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

    private static (int Code, string Output, string Errors) Report(string format, string? asOf = "2026-11-22", string? type = null, int? fiscalYear = null, string? outFile = null, bool redirected = true)
    {
        var stdout = new MemoryStream();
        var errors = new StringWriter();
        var request = new ReportCommand.Request(null, asOf, fiscalYear, type, format, outFile);
        var code = ReportCommand.Run(request, _seedRecords, _clock, () => new NonClosing(stdout), redirected, errors);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()).TrimStart('\uFEFF'), errors.ToString());
    }

    /// <summary>The command disposes what it writes to; the test still wants to read it.</summary>
    private sealed class NonClosing(Stream inner) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
        public override void WriteByte(byte value) => inner.WriteByte(value);
    }

    [Fact]
    public void Drafts_writes_one_word_file_per_due_submission_that_reads_back_for_the_next_term()
    {
        var directory = Directory.CreateTempSubdirectory("ingest-cli-drafts-").FullName;
        try
        {
            var stdout = new MemoryStream();
            var errors = new StringWriter();
            var request = new ReportCommand.Request(null, "2026-11-22", null, null, "table", null, directory);
            var code = ReportCommand.Run(request, _seedRecords, _clock, () => new NonClosing(stdout), false, errors);
            Assert.Equal(0, code);
            var files = Directory.GetFiles(directory, "*.docx").Order(StringComparer.Ordinal).ToArray();
            // Five arrangements of the seeds are due; seed 003's 委任 and 委託 share one submission, so four files.
            Assert.Equal(4, files.Length);
            Assert.Contains("4 drafts for 5 arrangements due by 2027-03-31", errors.ToString());
            var listed = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(files, listed.Select(line => line[..line.IndexOf("  ← ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
            foreach (var file in files)
            {
                Assert.StartsWith("2027-03-31_", Path.GetFileName(file));
                var read = Assert.Single(IngestPipeline.Default.ExtractFile(file).Submissions);
                Assert.All(read.Sheets, sheet =>
                {
                    Assert.Equal(new DateOnly(2027, 4, 1), sheet.Period?.Start);
                    Assert.Equal(new DateOnly(2028, 3, 31), sheet.Period?.End);
                    Assert.Equal(Recurrence.Annual, sheet.Period?.Recurrence);
                });
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Ics_gives_one_event_per_due_arrangement_with_the_reminder_asked_for()
    {
        var stdout = new MemoryStream();
        var errors = new StringWriter();
        var request = new ReportCommand.Request(null, "2026-11-22", null, null, "ics", null) { RemindWeeks = 6 };
        Assert.Equal(0, ReportCommand.Run(request, _seedRecords, _clock, () => new NonClosing(stdout), true, errors));
        var ics = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Equal(5, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Equal(5, ics.Split("TRIGGER:-P6W").Length - 1);

        var wrong = new ReportCommand.Request(null, "2026-11-22", null, null, "csv", null) { RemindWeeks = 6 };
        Assert.Equal(2, ReportCommand.Run(wrong, _seedRecords, _clock, () => new MemoryStream(), true, errors));
        Assert.Contains("--remind-weeks is for --format ics", errors.ToString());
    }

    [Fact]
    public void History_prints_each_term_and_the_word_level_changes_between_them()
    {
        var renewals = Path.Combine(AppContext.BaseDirectory, "corpus", "renewals");
        var all = _seedRecords.Concat(Directory.GetFiles(renewals, "*.txt").SelectMany(p => IngestPipeline.Default.ExtractFile(p).Submissions)).ToList();
        var seed001 = all.Single(r => Path.GetFileName(r.Source.Path).StartsWith("001", StringComparison.Ordinal));
        var output = new StringWriter();
        Assert.Equal(0, HistoryCommand.Run(seed001, all, output));
        var text = output.ToString();
        Assert.Contains("2 term(s)", text);
        Assert.True(text.IndexOf("2012年度", StringComparison.Ordinal) < text.IndexOf("2019年度", StringComparison.Ordinal));
        Assert.Contains("相手方: [-法務大臣-]{+出入国在留管理庁長官+}", text);
        Assert.Contains("結合の相手方（本文の差分）", text);

        var notAnArrangement = new SubmissionRecord { Source = new SourceInfo { Path = "x.txt", Sha256 = new string('c', 64), Format = "text" } };
        Assert.Equal(1, HistoryCommand.Run(notAnArrangement, all, new StringWriter()));
    }

    [Fact]
    public void History_of_a_less_faithful_rendition_is_the_history_of_its_submission()
    {
        var renewals = Path.Combine(AppContext.BaseDirectory, "corpus", "renewals");
        var all = _seedRecords.Concat(Directory.GetFiles(renewals, "*.txt").SelectMany(p => IngestPipeline.Default.ExtractFile(p).Submissions)).ToList();
        var seed001 = all.Single(r => Path.GetFileName(r.Source.Path).StartsWith("001", StringComparison.Ordinal));
        // The same submission published as a PDF: the history reads it from the PDF, and the text dump still answers.
        var published = seed001 with { Source = seed001.Source with { Path = "001.pdf", Sha256 = new string('d', 64), Format = "pdf" } };
        all.Add(published);
        var output = new StringWriter();
        Assert.Equal(0, HistoryCommand.Run(seed001, all, output));
        Assert.Contains("2 term(s)", output.ToString());
        Assert.Contains("001.pdf *", output.ToString());
    }

    private static string[] Rows(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

    [Fact]
    public void Csv_lists_every_arrangement_with_its_state_and_the_seeds_that_need_renewal()
    {
        var (code, output, _) = Report("csv");
        Assert.Equal(0, code);
        Assert.StartsWith("状態,要更新,次回期限", output);
        var rows = Rows(output);
        Assert.Equal(5, rows.Count(row => row.StartsWith("要更新,○,2027-03-31,", StringComparison.Ordinal)));
        Assert.Contains(rows, row => row.StartsWith("継続中,－", StringComparison.Ordinal));
    }

    [Fact]
    public void Type_filter_keeps_only_that_kind_and_the_clock_gives_the_default_date()
    {
        var delegated = Rows(Report("csv", type: "委任").Output);
        Assert.NotEmpty(delegated);
        Assert.All(delegated, row => Assert.Equal("委任", row.Split(',')[4]));
        Assert.Equal(Report("csv").Output, Report("csv", asOf: null).Output);
    }

    [Theory]
    [InlineData("pdf", "2026-11-22", null, null, "--format 'pdf'")]
    [InlineData("csv", "22/11/2026", null, null, "--as-of '22/11/2026'")]
    [InlineData("csv", "2026-11-22", "委員会", null, "--type '委員会'")]
    [InlineData("csv", "2026-11-22", null, 0, "--fiscal-year 0")]
    public void Usage_errors_exit_2_naming_the_option(string format, string asOf, string? type, int? fiscalYear, string expected)
    {
        var (code, output, errors) = Report(format, asOf, type, fiscalYear);
        Assert.Equal(2, code);
        Assert.StartsWith(expected, errors);
        Assert.Empty(output);
    }

    [Fact]
    public void Xlsx_needs_a_file_on_a_terminal_and_writes_a_workbook_to_one()
    {
        Assert.Equal(2, Report("xlsx", redirected: false).Code);

        var file = Path.Combine(Path.GetTempPath(), $"ingest-renewals-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (code, _, errors) = Report("xlsx", outFile: file, redirected: false);
            Assert.Equal(0, code);
            Assert.Contains("need renewal for FY2026", errors);
            using var zip = ZipFile.OpenRead(file);
            Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int Code, string Output, string Errors) Tokenize(string input, bool analyzer = false, bool domain = false, string? userDictionary = null, bool tsv = false)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var settings = new TokenizeCommand.TokenizeSettings(JapaneseTokenizerMode.Search, analyzer, domain, userDictionary, tsv, DiscardCompound: false);
        var code = TokenizeCommand.Run(settings, new StringReader(input), output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Tsv_prints_surface_offsets_and_features_as_kuromoji_does()
    {
        var (code, output, _) = Tokenize("J-LISの暗号化\n", tsv: true);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["J", "LIS", "の", "暗号", "化"], lines.Select(line => line.Split('\t')[0]));
        Assert.Equal("暗号\t6\t8\t1\t名詞-一般\t*\tアンゴウ", lines[3]);
    }

    [Fact]
    public void Each_line_is_tokenised_afresh_with_offsets_from_its_own_start()
    {
        var (_, output, _) = Tokenize("暗号化\nJ-LISの暗号化\n暗号化\n", tsv: true);
        var lines = output.Split('\n');
        Assert.Equal("暗号\t0\t2\t1\t名詞-一般\t*\tアンゴウ", lines[0]);
        Assert.Equal(3, lines.Count(line => line.StartsWith("暗号\t", StringComparison.Ordinal)));
        Assert.Equal("暗号\t0\t2\t1\t名詞-一般\t*\tアンゴウ", lines.Last(line => line.StartsWith("暗号\t", StringComparison.Ordinal)));
        Assert.Equal(["暗号 化", "j lis 暗号 化", "暗号 化"], Tokenize("暗号化\nJ-LISの暗号化\n暗号化\n", analyzer: true).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_domain_dictionary_keeps_jlis_whole_and_the_analyzer_folds_it()
    {
        var domain = Tokenize("J-LISの暗号化\n", domain: true, tsv: true).Output.Split('\n')[0];
        Assert.StartsWith("J-LIS\t0\t5\t1\t名詞-固有名詞-組織", domain);
        Assert.Equal("j-lis 暗号 化", Tokenize("J-LISの暗号化\n", analyzer: true, domain: true).Output.Trim());
        Assert.Equal("j lis 暗号 化", Tokenize("J-LISの暗号化\n", analyzer: true).Output.Trim());
    }

    [Fact]
    public void Buffered_output_is_flushed_before_waiting_for_the_next_line()
    {
        // As at a terminal: each read of standard input returns one line. The terms of a line must have left the
        // (buffered) writer by the time the next line is asked for, or an interactive user would wait for nothing.
        // Standard input and output are wired as the command wires them.
        var output = new MemoryStream();
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var input = new LineAtATimeStream(["東京都に住む\n", "暗号化\n"], () => Encoding.UTF8.GetString(output.ToArray()));
        using var reader = new StreamReader(new TokenizeCommand.FlushBeforeReading(input, writer), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 1 << 16);
        var settings = new TokenizeCommand.TokenizeSettings(JapaneseTokenizerMode.Search, false, false, null, false, DiscardCompound: false);

        Assert.Equal(0, TokenizeCommand.Run(settings, reader, writer, new StringWriter()));

        Assert.Equal(["", "東京 都 に 住む\n", "東京 都 に 住む\n暗号 化\n"], input.OutputSeenAtEachRead);
        Assert.Equal("東京 都 に 住む\n暗号 化\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>Standard input as a terminal gives it: one line per read; records what had been written out at each read.</summary>
    private sealed class LineAtATimeStream(string[] lines, Func<string> outputSoFar) : Stream
    {
        private int _next;

        public List<string> OutputSeenAtEachRead { get; } = [];

        public override int Read(byte[] buffer, int offset, int count)
        {
            OutputSeenAtEachRead.Add(outputSoFar());
            if (_next == lines.Length)
            {
                return 0;
            }

            var bytes = Encoding.UTF8.GetBytes(lines[_next++]);
            bytes.CopyTo(buffer, offset);
            return bytes.Length;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void A_missing_user_dictionary_is_named_and_exits_1()
    {
        var (code, _, errors) = Tokenize("x\n", userDictionary: "/no/such/userdict.csv");
        Assert.Equal(1, code);
        Assert.Contains("/no/such/userdict.csv", errors);
        Assert.Equal(1, Tokenize("x\n", domain: true, userDictionary: "/no/such/userdict.csv").Code);
    }
}
