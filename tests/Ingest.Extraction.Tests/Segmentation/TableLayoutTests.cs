using Ingest.Core.Layout;
using Ingest.Core.Records;

namespace Ingest.Extraction.Tests.Segmentation;

/// <summary>
/// The extractor on table layouts as the Word and PDF readers produce them: cover and form tables, a party cell merged
/// down a checklist, a label cell spanning two value rows, a nested table, bold/underline spans.
/// </summary>
public sealed class TableLayoutTests
{
    private static TableCell Cell(string text, int rowSpan = 1, TextStyle style = TextStyle.None) =>
        new(style == TextStyle.None ? StyledText.Plain(text) : new StyledText(text, [new StyledSpan(0, text.Length, style)]), RowSpan: rowSpan);

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static ParagraphBlock Line(string text) => new(StyledText.Plain(text));

    private static SubmissionRecord Extract(params LayoutBlock[] blocks)
    {
        var layout = new LayoutDocument { Path = "t.docx", Format = "docx", Pages = [new LayoutPage(1, blocks)] };
        var result = new SubmissionExtractor().Extract(layout, new SourceInfo { Path = "t.docx", Sha256 = "0", Format = "docx" });
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(result.Value!);
    }

    [Fact]
    public void Forms_in_tables_with_merged_cells()
    {
        var record = Extract(
            Line("個人情報保護管理運営会議　付議事項"),
            new TableBlock([Row(Cell("件　名"), Cell("介護保険認定事務における外部結合について"))]),
            Line("要綱の根拠"),
            Line("◇第３条第１項第３号（外部結合）"),
            Line("（担当部課：福祉部介護保険課）"),
            Line("事業の概要"),
            new TableBlock([Row(Cell("事業名"), Cell("認定情報の連携")), Row(Cell("目的"), Cell("審査を迅速に行うため。"))]),
            new TableBlock(
            [
                Row(Cell("件名"), Cell("介護保険認定事務における外部結合について")),
                Row(Cell("保有課（担当課）"), Cell("介護保険課")),
                Row(Cell("結合の相手方"), Cell("東京都国民健康保険団体連合会", style: TextStyle.Underline)),
                // A label cell merged over two rows: the second row's value continues it.
                Row(Cell("結合の開始時期及び期間", rowSpan: 2), Cell("令和７年４月１日から")),
                Row(Cell("（次年度以降も同様の外部結合を行う。）")),
                Row(Cell("情報保護対策"), new TableCell(StyledText.Plain("下表のとおり"))
                {
                    Nested = [new TableBlock([Row(Cell("1 専用回線を使用する。")), Row(Cell("2 通信を暗号化する。"))])],
                }),
            ]),
            Line("4 外部結合にかかる個人情報保護対策チェックリスト"),
            new TableBlock(
            [
                Row(Cell(""), Cell("・対策が可能であれば「○」・対策の必要がない場合は「－」"), Cell("情報保護対策")),
                Row(Cell("結合先に行わせる情報保護対策【運用上の対策】", rowSpan: 2), Cell("○"), Cell("法令を遵守させる。")),
                Row(Cell("ー"), Cell("立入調査を受けさせる。")),
                Row(Cell("結合先に行わせる情報保護対策【システム上の対策】"), Cell("○"), Cell("通信を暗号化させる。")),
            ]));

        Assert.Equal("介護保険認定事務における外部結合について", record.Title);
        Assert.Equal(new LegalBasis { Instrument = "要綱", Article = "第3条第1項第3号", Text = "外部結合" }, record.Basis);
        Assert.Equal("福祉部介護保険課", record.Department);
        Assert.Equal("審査を迅速に行うため。", record.Overview["目的"]);

        var sheet = Assert.Single(record.Sheets);
        Assert.Equal("外部結合", sheet.Type);
        Assert.Equal("介護保険課", sheet.Fields["保有課"]);
        Assert.Equal(["東京都国民健康保険団体連合会"], sheet.Partners);
        Assert.Equal(["結合の相手方"], sheet.ChangedFields);
        Assert.Equal("令和7年4月1日から (次年度以降も同様の外部結合を行う。)", sheet.Fields["結合の開始時期と期間"]);
        Assert.Equal(Recurrence.Annual, sheet.Period!.Recurrence);
        Assert.Equal("下表のとおり 1 専用回線を使用する。 2 通信を暗号化する。", sheet.Fields["情報保護対策"]);

        var checklist = Assert.Single(record.Checklists);
        Assert.Equal(3, checklist.Items.Count);
        Assert.All(checklist.Items, i => Assert.Equal("結合先", i.Party));
        Assert.Equal(["運用上", "運用上", "システム上"], checklist.Items.Select(i => i.Category));
        Assert.Equal(["○", "－", "○"], checklist.Items.Select(i => i.Mark));
    }

    [Fact]
    public void Bold_sub_headings_alone_do_not_mark_a_change()
    {
        var record = Extract(
            Line("件名 テストの委託について"),
            new TableBlock(
            [
                Row(Cell("保有課"), Cell("情報政策課")),
                Row(Cell("委託先"), Cell("株式会社テスト")),
                Row(Cell("受託事業者に行わせる情報保護対策"), Cell("【運用上の対策】", style: TextStyle.Bold)),
            ]));
        var sheet = Assert.Single(record.Sheets);
        Assert.Equal("委託", sheet.Type);
        Assert.Empty(sheet.ChangedFields);
    }
}
