using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;

namespace Ingest.Core.Tests.Records;

public sealed class RenditionRuleTests
{
    private static SubmissionRecord Linkage(string path, string format, int? year = 2024, string? number = "資料40", string title = "住民票の写しの交付に係る外部結合について",
        string department = "区民部区民課", string[]? partners = null, string measures = "専用回線を用い、通信を暗号化する。") => new()
    {
        Source = new SourceInfo { Path = path, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path))), Format = format },
        Title = title,
        DocumentNumber = number,
        FiscalYear = year,
        Department = department,
        Sheets =
        [
            new SheetRecord
            {
                Type = "外部結合",
                Partners = partners ?? ["地方公共団体情報システム機構"],
                Fields = new Dictionary<string, string> { ["結合の相手方"] = "地方公共団体情報システム機構", ["情報保護対策"] = measures },
            },
        ],
    };

    [Fact]
    public void The_same_document_in_word_pdf_and_text_is_one_submission()
    {
        var word = Linkage("a/資料40.docx", "docx");
        var pdf = Linkage("b/資料40.pdf", "pdf", title: "住民票の写しの交付に係る外部結合について ");
        // A text dump in full width with a space inside the title still names the same document.
        var text = Linkage("c/資料40.txt", "text", number: "資料４０", title: "住民票の写しの交付に係る 外部結合について");
        Assert.Equal(RenditionRule.KeyOf(word), RenditionRule.KeyOf(pdf));
        Assert.Equal(RenditionRule.KeyOf(word), RenditionRule.KeyOf(text));
        var group = Assert.Single(RenditionRule.Group([text, pdf, word]));
        Assert.Equal(["docx", "pdf", "text"], group.Renditions.Select(record => record.Source.Format));
    }

    [Fact]
    public void Yearly_reports_of_one_linkage_stay_apart()
    {
        var thisYear = Linkage("r6.docx", "docx", year: 2024, number: "資料12");
        var nextYear = Linkage("r7.docx", "docx", year: 2025, number: "資料12");
        Assert.NotEqual(RenditionRule.KeyOf(thisYear), RenditionRule.KeyOf(nextYear));
        Assert.Equal(2, RenditionRule.Group([thisYear, nextYear]).Count);
    }

    [Fact]
    public void Another_number_department_partner_or_sheet_kind_is_another_submission()
    {
        var original = Linkage("a.docx", "docx");
        Assert.NotEqual(RenditionRule.KeyOf(original), RenditionRule.KeyOf(Linkage("b.pdf", "pdf", number: "資料41")));
        Assert.NotEqual(RenditionRule.KeyOf(original), RenditionRule.KeyOf(Linkage("b.pdf", "pdf", department: "福祉部介護保険課")));
        Assert.NotEqual(RenditionRule.KeyOf(original), RenditionRule.KeyOf(Linkage("b.pdf", "pdf", partners: ["出入国在留管理庁"])));
        var outsourcing = Linkage("b.pdf", "pdf") with { Sheets = [new SheetRecord { Type = "委託", Partners = ["地方公共団体情報システム機構"] }] };
        Assert.NotEqual(RenditionRule.KeyOf(original), RenditionRule.KeyOf(outsourcing));
        // Partners in another order are the same partners.
        var two = Linkage("c.docx", "docx", partners: ["出入国在留管理庁", "地方公共団体情報システム機構"]);
        var twoReversed = Linkage("d.pdf", "pdf", partners: ["地方公共団体情報システム機構", "出入国在留管理庁"]);
        Assert.Equal(RenditionRule.KeyOf(two), RenditionRule.KeyOf(twoReversed));
    }

    [Fact]
    public void A_record_without_title_or_without_both_year_and_number_is_its_own_submission()
    {
        var noTitle = Linkage("a.docx", "docx") with { Title = null };
        var noTitleAgain = Linkage("b.pdf", "pdf") with { Title = null };
        Assert.NotEqual(RenditionRule.KeyOf(noTitle), RenditionRule.KeyOf(noTitleAgain));
        Assert.StartsWith(RenditionRule.OwnPrefix, RenditionRule.KeyOf(noTitle));
        var undated = Linkage("c.docx", "docx", year: null, number: null);
        var undatedAgain = Linkage("d.pdf", "pdf", year: null, number: null);
        Assert.NotEqual(RenditionRule.KeyOf(undated), RenditionRule.KeyOf(undatedAgain));
        // A number alone is enough (the archive's 資料番号 within a meeting's folder).
        Assert.Equal(RenditionRule.KeyOf(Linkage("e.docx", "docx", year: null)), RenditionRule.KeyOf(Linkage("f.pdf", "pdf", year: null)));
    }

    [Fact]
    public void Fidelity_orders_word_digital_pdf_text_then_anything_else()
    {
        Assert.True(RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "docx" }) > RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "pdf" }));
        Assert.True(RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "pdf" }) > RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "text" }));
        Assert.True(RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "text" }) > RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "ocr" }));
        // An office original in another program's format is as faithful as the Word file.
        Assert.Equal(RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "docx" }), RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "xlsx" }));
        Assert.Equal(RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "docx" }), RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "doc" }));
        // A scanned PDF is read by OCR: below the text dump, though its format is "pdf".
        Assert.True(RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "text" }) > RenditionRule.FidelityOf(new SourceInfo { Path = "a", Sha256 = "0", Format = "pdf", Ocr = true }));
    }

    [Fact]
    public void Fields_come_from_the_most_faithful_rendition_and_disagreements_are_named()
    {
        var word = Linkage("a.docx", "docx", measures: "専用回線を用い、通信を暗号化する。");
        var pdf = Linkage("b.pdf", "pdf", measures: "専用回線を用い、通信を暗号化する。 ");
        var text = Linkage("c.txt", "text", measures: "専用回線を用い、通信を暗号イヒする。");
        var group = Assert.Single(RenditionRule.Group([text, pdf, word]));
        var measures = Assert.Single(FieldProvenance.Of(group), field => field.Label == "情報保護対策");
        Assert.Same(word, measures.From);
        Assert.Equal("別紙1 外部結合", measures.Scope);
        var disagreeing = Assert.Single(measures.Disagreeing);
        Assert.Same(text, disagreeing.Rendition);
        var title = Assert.Single(FieldProvenance.Of(group), field => field.Label == "件名");
        Assert.Empty(title.Disagreeing);
        Assert.Equal(["情報保護対策"], FieldProvenance.Disagreements(group).Select(field => field.Label));
    }

    [Fact]
    public void Preferred_keeps_one_record_per_submission()
    {
        var records = new[] { Linkage("a.txt", "text"), Linkage("a.docx", "docx"), Linkage("r7.docx", "docx", year: 2025) };
        var preferred = RenditionRule.Preferred(records).ToList();
        Assert.Equal(["a.docx", "r7.docx"], preferred.Select(record => record.Source.Path));
    }
}
