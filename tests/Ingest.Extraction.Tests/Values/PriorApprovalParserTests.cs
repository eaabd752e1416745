using Ingest.Core.Normalisation;
using Ingest.Extraction.Values;

namespace Ingest.Extraction.Tests.Values;

public sealed class PriorApprovalParserTests
{
    [Theory]
    [InlineData("※太字ゴシック（下線）は、令和元年度第６回情報公開・個人情報保護審議会承認済みの内容からの変更箇所", 2019, 6, "令和元年度第６回情報公開・個人情報保護審議会承認済み")]
    [InlineData("※太ゴシック(下線)は、平成23年度第7回本審議会承認事項からの変更内容", 2011, 7, "平成23年度第7回本審議会承認事項")]
    [InlineData("H27.1.30 委任開始（平成26年度第6回本審議会了承事項）", 2014, 6, "平成26年度第6回本審議会了承事項")]
    [InlineData("推進している。（令和3年度第9回本審議会承認・了承済。）", 2021, 9, "令和3年度第9回本審議会承認・了承済")]
    [InlineData("（平成 23 年度第 7 回本審議会承認事項）", 2011, 7, "平成 23 年度第 7 回本審議会承認事項")]
    [InlineData("令和六年度第二回個人情報保護管理運営会議了承", 2024, 2, "令和六年度第二回個人情報保護管理運営会議了承")]
    [InlineData("2022年度第3回審議会承認済み", 2022, 3, "2022年度第3回審議会承認済み")]
    public void Approvals_are_found_with_their_phrase(string text, int fiscalYear, int session, string phrase)
    {
        var approval = Assert.Single(PriorApprovalParser.FindAll(text));
        Assert.Equal(fiscalYear, approval.FiscalYear);
        Assert.Equal(session, approval.Session);
        Assert.Equal(phrase, approval.Text);
    }

    [Fact]
    public void Normalised_text_gives_the_normalised_phrase()
    {
        var approval = Assert.Single(PriorApprovalParser.FindAll(TextNormaliser.Clean("令和元年度第６回情報公開・個人情報保護審議会承認済みの内容")));
        Assert.Equal("令和元年度第6回情報公開・個人情報保護審議会承認済み", approval.Text);
        Assert.Equal((2019, 6), (approval.FiscalYear, approval.Session!.Value));
    }

    [Theory]
    [InlineData("令和6年度から実施する。")]
    [InlineData("令和6年度第2回の会議で報告した。")]
    [InlineData("令和6年度第2回。承認は未了")]
    [InlineData("令和5年度の予算を承認")]
    public void A_fiscal_year_without_an_approval_of_a_session_nearby_is_no_approval(string text)
    {
        Assert.Empty(PriorApprovalParser.FindAll(text));
    }

    [Fact]
    public void A_council_approval_without_a_session_has_a_null_session()
    {
        var approval = Assert.Single(PriorApprovalParser.FindAll("平成26年度本審議会了承事項"));
        Assert.Equal(2014, approval.FiscalYear);
        Assert.Null(approval.Session);
    }

    [Fact]
    public void Approvals_are_deduplicated_keeping_the_first()
    {
        const string text = "平成23年度第7回本審議会承認事項 … (平成23年度第7回審議会承認済み) … 令和元年度第6回本審議会了承事項";
        var found = PriorApprovalParser.FindAll(text);
        Assert.Equal([(2011, 7), (2019, 6)], found.Select(a => (a.FiscalYear, a.Session!.Value)));
        Assert.Equal("平成23年度第7回本審議会承認事項", found[0].Text);
    }

    [Fact]
    public void Seed_documents_name_their_prior_approvals()
    {
        var approvals = PriorApprovalParser.FindAll(TextNormaliser.Clean(File.ReadAllText(TestFiles.Seed("003"))));
        Assert.Equal([(2014, 6)], approvals.Select(a => (a.FiscalYear, a.Session!.Value)));
    }
}
