using Ingest.Readers.Ocr;
using Ingest.Readers.Pdf;
using Ingest.Readers.Tests.Pdf;
using UglyToad.PdfPig.Core;

namespace Ingest.Readers.Tests.Ocr;

/// <summary>The OCR reader's own stages on images drawn here: no outside program is needed.</summary>
public sealed class OcrUnitTests
{
    [Fact]
    public void Pgm_round_trip_keeps_every_pixel()
    {
        var image = new GrayImage(5, 3);
        image[1, 2] = 0;
        image[4, 0] = 77;
        var read = GrayImage.ReadPgm(image.ToPgm());
        Assert.Equal((5, 3), (read.Width, read.Height));
        Assert.Equal(image.Pixels, read.Pixels);
    }

    [Fact]
    public void A_truncated_pgm_is_refused_with_the_reason()
    {
        var bytes = new GrayImage(10, 10).ToPgm()[..40];
        var error = Assert.Throws<FormatException>(() => GrayImage.ReadPgm(bytes));
        Assert.Contains("of its 100 pixels", error.Message);
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(-0.6)]
    public void Deskew_finds_the_angle_a_ruled_page_was_turned_by(double degrees)
    {
        var page = RuledPage();
        var skewed = page.Rotate(-degrees); // Rotate(a) turns the page back by a: a page skewed by a needs Rotate(a)
        var found = Deskew.Angle(skewed, skewed.InkThreshold());
        Assert.InRange(found, degrees - 0.1, degrees + 0.1);
        Assert.Equal(0, Deskew.Angle(page, page.InkThreshold()), 2);
    }

    [Fact]
    public void Rules_of_a_grid_make_its_cells_and_letter_strokes_make_none()
    {
        var page = RuledPage();
        var rules = RulingDetector.Find(page.CleanInk(page.InkThreshold()), page.Width, page.Height, 300);
        const double toPoints = 72.0 / 300;
        var height = page.Height * toPoints;
        var segments = rules.Select(r => Segment.Of(r.X1 * toPoints, height - r.Y1 * toPoints, r.X2 * toPoints, height - r.Y2 * toPoints)).ToList();
        var table = Assert.Single(LatticeTableFinder.Find(segments, 2.0));
        Assert.Equal(3, table.Xs.Length); // two columns: the letter-like strokes inside the cells split none
        Assert.Equal(5, table.Ys.Length); // four rows, one of them a one-line row closed by short rules
        Assert.Equal(8, table.Regions.Count);
    }

    [Fact]
    public void Tesseract_words_share_their_lines_box_and_know_where_its_text_has_a_space()
    {
        const string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
                           "4\t1\t1\t1\t1\t0\t10\t20\t300\t40\t-1\t\n" +
                           "5\t1\t1\t1\t1\t1\t10\t22\t80\t36\t96.5\t令和\n" +
                           "5\t1\t1\t1\t1\t2\t95\t30\t10\t28\t91\t7\n" +
                           "5\t1\t1\t1\t1\t3\t150\t21\t40\t38\t12\t年\n" +
                           "5\t1\t1\t1\t1\t4\t200\t21\t60\t38\t80\tABC\n" +
                           "5\t1\t1\t1\t1\t5\t270\t21\t10\t38\t95\t \n";
        var words = TesseractTsv.Words(tsv, "令和7年 ABC\n");
        Assert.Equal(["令和", "7", "年", "ABC"], words.Select(w => w.Text));
        Assert.All(words, w => Assert.Equal((20, 40), (w.LineTop, w.LineHeight)));
        Assert.Equal([false, false, false, true], words.Select(w => w.SpaceBefore));
        Assert.Equal(0.12, words[2].Confidence, 3);
    }

    [Fact]
    public void Without_tesseract_a_scan_fails_with_one_line_naming_the_package_and_digital_pages_still_read()
    {
        var ocr = new OcrOptions { Tesseract = "/nonexistent/bin/tesseract" };
        var reader = new PdfDocumentReader(new PdfReaderOptions { Ocr = ocr });
        using (var scan = new PdfBuilder())
        {
            scan.Page().AddPng(PdfBuilder.Png(), new PdfRectangle(0, 0, 595, 842));
            var result = reader.Read(scan.Build(), "scan.pdf");
            Assert.False(result.Succeeded);
            Assert.DoesNotContain('\n', result.Error ?? string.Empty);
            var why = ToolRunner.Resolve("pdftoppm") is null ? "pdftoppm is not installed (Debian package poppler-utils)" : "tesseract is not installed (Debian package tesseract-ocr)";
            Assert.Equal($"image-only pages 1: no text layer, and OCR could not read them: {why}", result.Error);
        }
        using var mixed = new PdfBuilder();
        mixed.Text(mixed.Page(), "Cover text", 50, 700);
        mixed.Page().AddPng(PdfBuilder.Png(), new PdfRectangle(0, 0, 595, 842));
        var read = reader.Read(mixed.Build(), "mixed.pdf");
        Assert.True(read.Succeeded, read.Error);
        Assert.Null(read.Value!.Ocr);
        Assert.Contains(read.Diagnostics, d => d.Message.StartsWith("image-only pages 2: no text layer, and OCR could not read them:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_resolution_is_the_scans_own_raised_to_the_minimum_and_capped()
    {
        var scans = new ScanReader(new OcrOptions(), new PdfReaderOptions());
        Assert.Equal(300, scans.Resolution(0));
        Assert.Equal(300, scans.Resolution(200));
        Assert.Equal(400, scans.Resolution(400.2));
        Assert.Equal(600, scans.Resolution(1200));
    }

    [SkippableFact]
    public void An_outside_program_maps_no_more_memory_than_it_is_given()
    {
        Skip.IfNot(File.Exists("/usr/bin/prlimit") && File.Exists("/usr/bin/timeout"), "util-linux's prlimit or coreutils' timeout is not installed");
        // A shell that builds a 100 MB string: it runs without a limit and fails within 64 MiB of address space.
        string[] program = ["-c", "x=$(head -c 100000000 /dev/zero | tr '\\0' a); echo ${#x}"];
        var free = ToolRunner.Run("sh", program, TimeSpan.FromSeconds(30), "dash");
        Assert.Equal((0, "100000000"), (free.ExitCode, free.Output.Trim()));
        var limited = ToolRunner.Run("sh", program, TimeSpan.FromSeconds(30), "dash", addressSpace: 64L << 20);
        Assert.NotEqual(0, limited.ExitCode);
        Assert.DoesNotContain("100000000", limited.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_too_large_for_the_pixel_budget_is_rendered_lower_and_one_far_too_large_not_at_all()
    {
        var scans = new ScanReader(new OcrOptions(), new PdfReaderOptions());
        const double A4Width = 595, A4Height = 842, A3Width = 842, A3Height = 1191;
        Assert.Equal(600, scans.Resolution(1200, A4Width, A4Height));
        Assert.Equal(600, scans.Resolution(600, A3Width, A3Height)); // 7,016 × 9,925: within 72,000,000
        Assert.Equal(431, scans.Resolution(600, A3Height, A3Width * 2)); // A2: the largest resolution that fits
        Assert.Equal(150, scans.Resolution(300, 72 * 56.5, 72 * 56.5)); // 8,475 px square: the least it may go
        Assert.Null(scans.Resolution(300, 72 * 57, 72 * 57));
        Assert.Null(scans.Resolution(96, 72 * 135.4, 72 * 135.4)); // a 13,000-pixel PNG at 96 dpi: 3.4 m square
        var tight = new ScanReader(new OcrOptions { MaxPagePixels = 1_000_000 }, new PdfReaderOptions());
        Assert.Null(tight.Resolution(300, A4Width, A4Height));
    }

    [Fact]
    public void Text_bands_are_the_lines_of_a_cell_with_a_letters_loose_dot_kept_and_a_rule_remnant_and_a_far_speck_dropped()
    {
        var cell = new GrayImage(400, 200);
        Fill(cell, 10, 10, 300, 40);   // first line
        Fill(cell, 10, 54, 4, 4);      // the tail of its comma, past a blank row: part of the line
        Fill(cell, 10, 70, 120, 40);   // second line (め。)
        Fill(cell, 390, 150, 3, 3);    // a speck far below
        Fill(cell, 0, 196, 400, 2);    // what is left of the rule under the cell
        var bands = TextBands.Find(cell);
        Assert.Equal([(10, 48), (70, 40)], bands);
    }

    [Fact]
    public void Text_bands_of_running_text_look_past_a_page_tall_column()
    {
        var page = new GrayImage(600, 300);
        Fill(page, 5, 0, 3, 300);      // the edge of a table cut away from the page, from top to bottom
        Fill(page, 50, 20, 400, 40);
        Fill(page, 50, 100, 400, 40);
        Assert.Single(TextBands.Find(page));
        Assert.Equal([(20, 40), (100, 40)], TextBands.Find(page, skipLongColumns: true));
    }

    [Fact]
    public void A_rule_with_a_seals_ring_lying_along_it_is_still_a_rule()
    {
        var page = new GrayImage(800, 300);
        Fill(page, 20, 150, 700, 3);   // a table's rule
        Fill(page, 300, 136, 60, 14);  // the flat of a seal's ring drawn along it, touching it: the pile is 17 rows thick
        var rules = RulingDetector.Find(page.CleanInk(page.InkThreshold()), page.Width, page.Height, 300);
        var rule = Assert.Single(rules, r => r.IsHorizontal && r.X2 - r.X1 > 600);
        Assert.InRange(rule.Y1, 150, 153);
    }

    [Fact]
    public void Unsure_words_far_from_the_rest_of_their_line_are_stray_ink_and_sure_ones_are_text()
    {
        OcrWord Word(string text, int left, double confidence) => new(1, text, left, 10, 40 * text.Length, 40, confidence, 10, 40);
        var line = new List<OcrWord> { Word("株式会社", 10, 0.95), Word("黒松", 170, 0.93), Word("ーー", 1167, 0.45), Word("へ", 1230, 0.62) };
        Assert.Equal(["株式会社", "黒松"], PageRecognizer.WithoutStrayInk(line).Select(w => w.Text));
        var apart = new List<OcrWord> { Word("氏名", 10, 0.95), Word("住所", 600, 0.91) };
        Assert.Equal(["氏名", "住所"], PageRecognizer.WithoutStrayInk(apart).Select(w => w.Text));
        var alone = new List<OcrWord> { Word("レジ", 600, 0.2) };
        Assert.Single(PageRecognizer.WithoutStrayInk(alone));
    }

    private static void Fill(GrayImage image, int x, int y, int w, int h)
    {
        for (var j = y; j < y + h; j++)
            for (var i = x; i < x + w; i++)
                image[i, j] = 0;
    }

    /// <summary>
    /// An A4-proportioned page at 300 dpi with a ruled table (two columns, four rows, the second row one line high) and,
    /// inside the cells, strokes shaped like the long strokes of letters, plus a line of "text" blocks above it.
    /// </summary>
    private static GrayImage RuledPage()
    {
        var page = new GrayImage(1240, 1754);
        void Fill(int x, int y, int w, int h)
        {
            for (var j = y; j < y + h; j++)
                for (var i = x; i < x + w; i++)
                    page[i, j] = 0;
        }
        int[] xs = [100, 400, 1140];
        int[] ys = [300, 420, 470, 620, 800];
        foreach (var y in ys)
            Fill(xs[0], y, xs[^1] - xs[0] + 3, 3);
        foreach (var x in xs)
            Fill(x, ys[0], 3, ys[^1] - ys[0] + 3);
        for (var k = 0; k < 20; k++)
        {
            Fill(120 + 40 * k, 200, 30, 30); // a line of text above the table
            if (k < 6)
            {
                Fill(130 + 40 * k, 330, 3, 45); // vertical strokes of letters in the first row's label cell
                Fill(430 + 45 * k, 640, 36, 3); // horizontal strokes in the last row's value cell
            }
        }
        return page;
    }
}
