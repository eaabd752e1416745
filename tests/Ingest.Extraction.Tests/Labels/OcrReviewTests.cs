using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Extraction.Labels;
using Ingest.Extraction.Values;

namespace Ingest.Extraction.Tests.Labels;

/// <summary>
/// Fields of a form read by OCR that a person should check: cells recognised with low confidence, and labels corrected to
/// the catalogue's within an edit-distance tolerance.
/// </summary>
public sealed class OcrReviewTests
{
    private static TableCell Cell(string text, double? confidence) => new(StyledText.Plain(text)) { Confidence = confidence };

    private static TableRow Row(string label, string value, double? valueConfidence, double? labelConfidence = 0.95) =>
        new([Cell(label, labelConfidence is null ? null : labelConfidence), Cell(value, valueConfidence)]);

    private static SubmissionRecord Extract(bool ocr, params TableRow[] rows)
    {
        var blocks = new LayoutBlock[]
        {
            new ParagraphBlock(StyledText.Plain("個人情報保護管理運営会議　付議事項")),
            new TableBlock([new TableRow([Cell("件　名", null), Cell("国民健康保険給付事務における外部結合について", null)])]),
            new TableBlock(rows),
        };
        var layout = new LayoutDocument { Path = "scan.pdf", Format = "pdf", Pages = [new LayoutPage(1, blocks)] };
        var source = new SourceInfo { Path = "scan.pdf", Sha256 = "0", Format = "pdf", Ocr = ocr ? true : null, OcrConfidence = ocr ? 0.9 : null };
        var result = new SubmissionExtractor().Extract(layout, source);
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(result.Value!);
    }

    private static readonly TableRow[] Form =
    [
        Row("保有課", "医療保険年金課", 0.96),
        Row("結合の相手方", "東京都国民健康保険団体連合会", 0.95),
        Row("結合される情報項目", "氏名、被保険者番号、診療年月", 0.97),
        // A cell under a seal: some of its letters were guessed.
        Row("結合する理由", "高額療養費の支給対象者を正確に把握するため。", 0.81),
    ];

    [Fact]
    public void A_field_recognised_with_low_confidence_is_marked_for_review()
    {
        var sheet = Assert.Single(Extract(ocr: true, Form).Sheets);

        var mark = Assert.Single(sheet.Review!);
        Assert.Equal("結合する理由", mark.Field);
        Assert.Equal("low OCR confidence 0.81", mark.Reason);
        Assert.Empty(sheet.ReviewOf("保有課"));
    }

    [Fact]
    public void The_confidence_is_the_letter_weighted_mean_of_the_value_cells()
    {
        // A value in two rows: a long cell read well and a short one read badly average above the threshold.
        var sheet = Assert.Single(Extract(ocr: true,
            Row("保有課", "医療保険年金課", 0.96),
            Row("結合される情報項目", "氏名、被保険者番号、診療年月、医療機関名、一部負担金", 0.95),
            Row("", "ほか", 0.40, labelConfidence: null),
            Row("結合の相手方", "東京都国民健康保険団体連合会", 0.95)).Sheets);

        Assert.Null(sheet.Review);
        Assert.False(Extract(ocr: true, Row("保有課", "医療保険年金課", 0.96), Row("結合の相手方", "東京都", 0.95)).NeedsReview);
    }

    [Fact]
    public void Records_not_read_by_ocr_carry_no_review_marks()
    {
        var record = Extract(ocr: false, Form);

        Assert.Null(Assert.Single(record.Sheets).Review);
        Assert.False(record.NeedsReview);
    }

    [Fact]
    public void The_marks_survive_a_remap_and_the_json_round_trip()
    {
        var record = Extract(ocr: true, Form);
        var remapped = new SubmissionExtractor().Remap(RecordJson.Deserialize<SubmissionRecord>(RecordJson.Serialize(record))!);

        Assert.True(remapped.NeedsReview);
        Assert.Equal("結合する理由", Assert.Single(remapped.Sheets[0].Review!).Field);
    }

    [Theory]
    [InlineData("結合の相乎方", "結合の相手方")] // one letter misread, six letters: tolerance 2
    [InlineData("結合の開姶時朝と期間", "結合の開始時期と期間")] // two letters misread in a long label
    [InlineData("保有諜", "保有課")] // one letter in a short label
    [InlineData("委託の内", "委託の内容")] // a letter lost
    [InlineData("委託理由由", "委託理由")] // a letter doubled
    public void A_misread_label_is_matched_to_the_one_catalogue_label_near_it(string misread, string canonical)
    {
        Assert.Equal(canonical, OcrReview.NearestLabel(LabelCatalog.Sheets, misread)?.Canonical);
    }

    [Theory]
    [InlineData("委話理由")] // as near to 委託理由 as to 委任理由
    [InlineData("委託の開始時期及び期眼", "委託の開始時期及び期限")] // nearer to 委託… (1) than to 委任… (2): corrected
    [InlineData("保存者")] // two letters from 保有課 in a three-letter label: another word
    [InlineData("実施機関")] // a label of its own, near nothing
    public void An_ambiguous_or_distant_label_is_not_corrected(string read, string? expected = null)
    {
        Assert.Equal(expected, OcrReview.NearestLabel(LabelCatalog.Sheets, read)?.Canonical);
    }

    [Fact]
    public void A_corrected_label_of_a_scan_maps_to_its_field_and_is_marked()
    {
        var sheet = Assert.Single(Extract(ocr: true,
            Row("保有課", "医療保険年金課", 0.96),
            Row("結合の相乎方", "東京都国民健康保険団体連合会", 0.95),
            Row("委話理由", "専門的な知識を要するため。", 0.95)).Sheets);

        Assert.Equal("東京都国民健康保険団体連合会", sheet.Fields["結合の相手方"]);
        Assert.Equal(["東京都国民健康保険団体連合会"], sheet.Partners);
        Assert.Equal(LabelCatalog.Sheets.Canonicalise("結合の相手方", out _), sheet.Labels["結合の相乎方"].Field);
        var mark = Assert.Single(sheet.Review!);
        Assert.Equal(new ReviewMark { Field = "結合の相手方", Reason = "label corrected from 結合の相乎方" }, mark);
        // The ambiguous one stays under its own text, not corrected.
        Assert.NotEqual(LabelHow.Exact, sheet.Labels["委話理由"].How);
        Assert.DoesNotContain("委託理由", sheet.Fields.Keys);
        Assert.DoesNotContain("委任理由", sheet.Fields.Keys);
    }

    [Fact]
    public void A_typed_label_is_never_corrected()
    {
        var sheet = Assert.Single(Extract(ocr: false,
            Row("保有課", "医療保険年金課", null),
            Row("結合の相乎方", "東京都国民健康保険団体連合会", null)).Sheets);

        Assert.DoesNotContain("結合の相手方", sheet.Fields.Keys);
        Assert.Null(sheet.Review);
    }

    [Fact]
    public void A_corrected_label_stays_corrected_after_a_remap()
    {
        var record = Extract(ocr: true, Row("保有課", "医療保険年金課", 0.96), Row("結合の相乎方", "東京都国民健康保険団体連合会", 0.95));
        var remapped = new SubmissionExtractor().Remap(RecordJson.Deserialize<SubmissionRecord>(RecordJson.Serialize(record))!);

        Assert.Equal("東京都国民健康保険団体連合会", remapped.Sheets[0].Fields["結合の相手方"]);
        Assert.Equal("label corrected from 結合の相乎方", Assert.Single(remapped.Sheets[0].Review!).Reason);
    }

    [Theory]
    [InlineData("abc", "abc", 1, 0)]
    [InlineData("abc", "abd", 1, 1)]
    [InlineData("abc", "ab", 1, 1)]
    [InlineData("abcd", "abef", 1, null)]
    [InlineData("abcd", "abef", 2, 2)]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("kitten", "sitting", 2, null)]
    [InlineData("", "ab", 2, 2)]
    public void Edit_distance_within_a_limit(string a, string b, int limit, int? expected)
    {
        Assert.Equal(expected, EditDistance.Within(a, b, limit));
    }

    [Theory]
    [InlineData("令印7年5月1日から", "令和7年5月1日から", "corrected from 令印 to 令和")]
    [InlineData("平戊 30年4月1日", "平成 30年4月1日", "corrected from 平戊 to 平成")]
    [InlineData("冷和7年5月1日", "冷和7年5月1日", null)] // as near to 令和 as to 昭和: left alone
    [InlineData("令和7年5月1日から3年間", "令和7年5月1日から3年間", null)] // から3年: no era, nothing near
    public void An_era_misread_before_a_year_is_snapped_only_when_one_era_is_near(string read, string expected, string? reason)
    {
        var (text, marks) = EraSnapping.Snap("委託の開始時期及び期限", read);

        Assert.Equal(expected, text);
        Assert.Equal(reason, marks.SingleOrDefault()?.Reason);
    }

    [Fact]
    public void A_scans_period_with_a_misread_era_is_read_and_marked()
    {
        var sheet = Assert.Single(Extract(ocr: true,
            Row("保有課", "医療保険年金課", 0.96),
            Row("結合の相手方", "東京都国民健康保険団体連合会", 0.95),
            Row("結合の開始時期と期間", "令印7年5月1日から令和8年3月31日まで", 0.93)).Sheets);

        Assert.Equal(new DateOnly(2025, 5, 1), sheet.Period!.Start);
        Assert.Equal("令和7年5月1日から令和8年3月31日まで", sheet.Fields["結合の開始時期と期間"]);
        Assert.Equal(new ReviewMark { Field = "結合の開始時期と期間", Reason = "corrected from 令印 to 令和" }, Assert.Single(sheet.Review!));

        var typed = Assert.Single(Extract(ocr: false, Row("保有課", "医療保険年金課", null), Row("結合の開始時期と期間", "令印7年5月1日から", null)).Sheets);
        Assert.Equal("令印7年5月1日から", typed.Fields["結合の開始時期と期間"]);
    }
}
