using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Ingest.Core.Layout;
using Ingest.HostileFiles;
using Ingest.Readers.Docx;
using Ingest.Readers.Pdf;
using Ingest.Readers.Tests.CrossFormat;
using Ingest.Readers.Text;

namespace Ingest.Readers.Tests.Hostile;

/// <summary>
/// The root causes behind the hostile classes of issue 12, one by one at the reader: each test fails on the reader as it
/// was (an exception, a hang caught by <see cref="Within"/>, or gigabytes) and names the limit it now meets.
/// </summary>
public sealed class RootCauseTests
{
    private static readonly TextDocumentReader Text = new();
    private static readonly PdfDocumentReader Pdf = new();
    private static readonly DocxDocumentReader Docx = new();

    private static byte[] Case(string name) => HostileCases.All.Single(c => c.Name == name).Make();

    /// <summary>Runs <paramref name="action"/> on its own thread; a hang fails the test after 20 s instead of stopping the run.</summary>
    private static T Within<T>(Func<T> action)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = action(); }
            catch (Exception e) { error = e; }
        }) { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(20)), "still running after 20 s");
        Assert.Null(error);
        return result;
    }

    [Theory]
    [InlineData("text-utf8-bom-then-ff.txt", "utf-8", 90)]
    [InlineData("text-utf16le-bom-odd-length.txt", "utf-16le", 68)]
    [InlineData("text-utf16be-bom-lone-surrogate.txt", "utf-16be", 68)]
    public void A_byte_order_mark_followed_by_bytes_its_encoding_forbids_is_refused_not_thrown(string name, string encoding, int offset)
    {
        var bytes = Case(name);
        Assert.True(Text.CanRead(bytes, name));
        Assert.Null(TextEncodingDetector.Detect(bytes));
        var result = Text.Read(bytes, name);
        Assert.Equal($"not text: a {encoding} byte-order mark is followed by bytes that are not {encoding} (near byte {offset})", result.Error);
    }

    [Fact]
    public void A_lone_high_surrogate_after_a_utf16_mark_is_refused()
    {
        var result = Text.Read(Case("text-utf16le-bom-lone-surrogate.txt"), "x.txt");
        Assert.StartsWith("not text: a utf-16le byte-order mark is followed by bytes that are not utf-16le", result.Error);
    }

    [Fact]
    public void A_byte_order_mark_that_tells_the_truth_is_still_read()
    {
        var bytes = (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes("件名\t住民票\n")];
        var result = Text.Read(bytes, "ok.txt");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("utf-16le", result.Value!.Encoding);
    }

    [Fact]
    public void Line_limit_refuses_longer_dumps_with_its_name()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("件名\t値\n", 10)));
        Assert.True(Text.Read(bytes, "ok.txt").Succeeded);
        Assert.Equal("text has 11 lines (limit MaxLines 10)", new TextDocumentReader(new TextReaderOptions { MaxLines = 10 }).Read(bytes, "x.txt").Error);
    }

    [Fact]
    public void A_dash_line_with_forty_tabs_is_scanned_in_linear_time()
    {
        var blocks = Within(() => TextDocumentReader.ToBlocks("---" + new string('\t', 40) + "x"));
        // Not a separator (it ends in x), so it is a row of cells like any tab-separated line.
        var row = Assert.Single(Assert.IsType<TableBlock>(Assert.Single(blocks)).Rows);
        Assert.Equal("x", row.Cells[^1].Text.Text);
    }

    [Theory]
    [InlineData("|---|:--:|")]
    [InlineData("---\t---\t---")]
    [InlineData("  ------  ")]
    [InlineData("| --- | --- |\t--")]
    public void Separator_rows_are_still_skipped(string line)
    {
        Assert.Empty(TextDocumentReader.ToBlocks(line));
    }

    [Fact]
    public void A_million_ampersands_and_half_a_million_open_tags_are_text()
    {
        var ampersands = Within(() => MarkupParser.Parse(new string('&', 1_000_000)));
        Assert.Equal(1_000_000, ampersands.Text.Length);
        var tags = Within(() => MarkupParser.Parse(string.Concat(Enumerable.Repeat("<a", 500_000))));
        Assert.Equal(1_000_000, tags.Text.Length);
    }

    [Fact]
    public void Entities_and_tags_up_to_their_longest_length_still_decode()
    {
        Assert.Equal("ϑ & あ", MarkupParser.Parse("&thetasym; &amp; &#x3042;").Text);
        Assert.Equal("&toolongname;", MarkupParser.Parse("&toolongname;").Text);
        var bold = MarkupParser.Parse("<b class=\"" + new string('c', 400) + "\">太字</b>");
        Assert.Equal("太字", bold.Text);
        Assert.Equal(TextStyle.Bold, Assert.Single(bold.Spans).Style);
    }

    [Theory]
    [InlineData("pdf-form-xobject-cycle.pdf", "PDF form XObjects draw each other in a loop (objects 5 → 6 → 5)")]
    [InlineData("pdf-form-xobject-self.pdf", "PDF form XObject draws itself (object 6)")]
    [InlineData("pdf-form-xobject-chain-5000.pdf", "PDF form XObjects nested deeper than 32 (limit MaxFormNesting)")]
    [InlineData("pdf-form-xobject-doubling-tree.pdf", "PDF draws form XObjects more than 100,000 times (limit MaxFormDraws)")]
    [InlineData("pdf-tounicode-4-byte-range.pdf", "PDF CMap (ToUnicode) ranges map more than 262,144 codes (limit MaxCMapRangeCodes)")]
    [InlineData("pdf-tounicode-range-deflated.pdf", "PDF CMap (ToUnicode) ranges map more than 262,144 codes (limit MaxCMapRangeCodes)")]
    [InlineData("pdf-content-double-deflate.pdf", "PDF stream inflates beyond 67,108,864 bytes (limit MaxStreamBytes)")]
    public void Hostile_pdf_structures_are_refused_before_pdfpig_recurses_or_allocates(string name, string reason)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Pdf.Read(Case(name), name);
        Assert.Equal(reason, result.Error);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256L * 1024 * 1024, "allocated more than 256 MiB");
    }

    [Fact]
    public void Forms_listed_in_a_shared_resource_dictionary_are_not_a_loop_unless_drawn_as_one()
    {
        // Producers often give every form the page's resource dictionary, which lists the forms themselves; only a
        // form that draws (Do) its way back is a loop.
        var pdf = new MinimalPdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Resources 5 0 R >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>");
        pdf.Add("<< /Font << /F1 9 0 R >> /XObject << /A 7 0 R /B 8 0 R >> >>");
        pdf.AddStream("", "/A Do /B Do\n"u8.ToArray());
        pdf.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 5 0 R", "/B Do BT /F1 12 Tf 72 720 Td (Section) Tj ET\n"u8.ToArray());
        pdf.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 5 0 R", "BT /F1 12 Tf 72 700 Td (Partner) Tj ET\n"u8.ToArray());
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var result = Pdf.Read(pdf.Build(), "shared.pdf");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Value!.Pages.Count);
    }

    [Fact]
    public void Stream_budgets_are_options_and_apply_to_ordinary_files()
    {
        var bytes = File.ReadAllBytes(Fixtures.File("004_5e943b0c469c4a8c.pdf"));
        Assert.True(Pdf.Read(bytes, "ok.pdf").Succeeded);
        var stream = new PdfDocumentReader(new PdfReaderOptions { MaxStreamBytes = 1_000 }).Read(bytes, "small.pdf");
        Assert.Contains("(limit MaxStreamBytes)", stream.Error);
        var total = new PdfDocumentReader(new PdfReaderOptions { MaxDecodedBytes = 10_000 }).Read(bytes, "small.pdf");
        Assert.Contains("(limit MaxDecodedBytes)", total.Error);
    }

    [Theory]
    [InlineData("1 beginbfrange <0000> <00FF> <0020> endbfrange", 256)]
    [InlineData("2 beginbfrange <0010> <0011> [<540D> <8AB2>] <0020> <002F> <0041> endbfrange", 18)]
    [InlineData("1 beginbfrange <FF> <00> <0041> endbfrange", 0)]
    [InlineData("1 beginbfrange <0000> <FFFF> <0000> endbfrange 1 beginbfrange <00010000> <0001FFFF> <0000> endbfrange", 131_072)]
    public void CMap_ranges_are_counted_without_expanding_them(string cmap, long codes)
    {
        Assert.Null(CMapRangeCheck.Refusal(Encoding.ASCII.GetBytes(cmap), codes));
        if (codes > 0)
            Assert.NotNull(CMapRangeCheck.Refusal(Encoding.ASCII.GetBytes(cmap), codes - 1));
    }

    [Fact]
    public void Every_name_a_lenient_parser_could_draw_is_found()
    {
        // Inside an unclosed hex string (as the fuzzer found), after a comment, escaped (#6F is 'o'), and, erring on the
        // side of too many, inside a string.
        var content = "q /Im1 Do Q BT <0041 /Fm Do ET /Lo %c\n Do /F#6F Do (100%) Tj (/S Do) Tj /Im1 Do /GS1 gs [/A] TJ"u8;
        Assert.Equal(["Im1", "Fm", "Lo", "Fo", "S"], ContentOperators.DrawnNames(content));
    }

    [Theory]
    [InlineData("docx-nested-elements-100k.docx")]
    [InlineData("docx-nested-tables-10k.docx")]
    public void Word_parts_nested_too_deep_are_refused_before_the_sdk_loads_them(string name)
    {
        var result = Within(() => Docx.Read(Case(name), name));
        Assert.Equal("DOCX part word/document.xml: elements nested deeper than 256 (limit MaxXmlDepth)", result.Error);
    }

    [Fact]
    public void Tables_nested_within_the_limit_are_read()
    {
        var result = Within(() => Docx.Read(Case("docx-nested-tables-60.docx"), "nested.docx"));
        Assert.True(result.Succeeded, result.Error);
        var outer = Assert.IsType<TableBlock>(result.Value!.Pages[0].Blocks[0]);
        Assert.Equal("件名", outer.Rows[0].Cells[0].Text.Text);
    }

    [Fact]
    public void A_twenty_million_character_run_is_refused_unloaded()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Docx.Read(Case("docx-long-run.docx"), "long.docx");
        Assert.Equal("DOCX part word/document.xml: more than 4,000,000 characters of text (limit MaxTextCharacters)", result.Error);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256L * 1024 * 1024, "allocated more than 256 MiB");
    }

    [Theory]
    [InlineData(nameof(DocxReaderOptions.MaxRuns), "more than 5 runs (limit MaxRuns)")]
    [InlineData(nameof(DocxReaderOptions.MaxTableRows), "more than 2 table rows (limit MaxTableRows)")]
    [InlineData(nameof(DocxReaderOptions.MaxTableCells), "more than 5 table cells (limit MaxTableCells)")]
    [InlineData(nameof(DocxReaderOptions.MaxTextCharacters), "more than 10 characters of text (limit MaxTextCharacters)")]
    public void Every_word_count_limit_is_an_option_named_in_the_refusal(string option, string reason)
    {
        var options = option switch
        {
            nameof(DocxReaderOptions.MaxRuns) => new DocxReaderOptions { MaxRuns = 5 },
            nameof(DocxReaderOptions.MaxTableRows) => new DocxReaderOptions { MaxTableRows = 2 },
            nameof(DocxReaderOptions.MaxTableCells) => new DocxReaderOptions { MaxTableCells = 5 },
            _ => new DocxReaderOptions { MaxTextCharacters = 10 },
        };
        var cells = string.Concat(Enumerable.Range(0, 3).Select(i => $"<w:tr><w:tc><w:p><w:r><w:t>件名{i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>値</w:t></w:r></w:p></w:tc></w:tr>"));
        var bytes = MinimalDocx.WithBody($"<w:tbl>{cells}</w:tbl>");
        Assert.True(Docx.Read(bytes, "ok.docx").Succeeded);
        Assert.Equal($"DOCX part word/document.xml: {reason}", new DocxDocumentReader(options).Read(bytes, "x.docx").Error);
    }

    /// <summary>
    /// Patterns that keep the backtracking engine because they need lookarounds or \G, which the linear-time engine lacks;
    /// each is bounded by construction: every quantifier that can overlap another is counted ({0,30}), or the text it
    /// scans after each start is disjoint from the next start's.
    /// </summary>
    private static readonly HashSet<string> BoundedBacktracking =
    [
        "ChecklistMeasures.Boundary", "PartnerParser.Conjunction", "PartnerParser.ListMarker", "PriorApprovalParser.Tail",
        "PeriodParser.Annual", "PeriodParser.Ongoing", "JapaneseDateParser.DatePattern", "JapaneseDateParser.FiscalYearPattern",
        "FolderFiscalYear.ShortEra",
    ];

    [Fact]
    public void Every_regex_on_document_text_runs_in_linear_time_or_is_listed_as_bounded()
    {
        var assemblies = new[] { typeof(TextDocumentReader).Assembly, typeof(Extraction.SubmissionExtractor).Assembly, typeof(Core.Dates.FiscalYear).Assembly };
        var backtracking = new List<string>();
        var count = 0;
        foreach (var method in assemblies.SelectMany(a => a.GetTypes()).SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)))
        {
            if (method.GetCustomAttribute<GeneratedRegexAttribute>() is not { } attribute)
                continue;
            count++;
            var name = $"{method.DeclaringType!.Name}.{method.Name}";
            if (!attribute.Options.HasFlag(RegexOptions.NonBacktracking) && !BoundedBacktracking.Contains(name))
                backtracking.Add($"{name}: {attribute.Pattern}");
        }
        Assert.True(count > 30, $"only {count} regexes found");
        Assert.Empty(backtracking);
    }
}
