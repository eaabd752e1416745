using Ingest.Core.Records;
using Ingest.Reports.History;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;

namespace Ingest.Reports.Tests.History;

/// <summary>
/// What changed across the renewal chains of the corpus and seeds: a partner replaced (法務大臣 → 出入国在留管理庁長官,
/// no form marks), an information item added that the form marks (介護保険課, 令和6 → 令和7), and a procedure added (r03 → 004).
/// </summary>
public sealed class TermHistoryTests
{
    private static readonly Lazy<ArrangementHistory> _history = new(() =>
        HistoryLinker.Link(ArrangementKinds.From([.. Corpus.Seeds(), .. Corpus.Renewals()])));

    private static TermHistory Of(string file) => TermHistories.Of(_history.Value,
        _history.Value.Arrangements.First(a => Corpus.FileName(a.Path).StartsWith(file, StringComparison.Ordinal)));

    [Fact]
    public void PartnerReplacedIsShownAsRemovedAndAddedWithTheFieldsThatFollowIt()
    {
        var history = Of("001");
        Assert.Equal(["h24_houmu_renkei_gaibu_ketsugo.txt", "001_42351d23f429df37.txt"], history.Terms.Select(t => Corpus.FileName(t.Path)));
        var change = Assert.Single(history.Changes);
        Assert.Equal(["法務大臣"], change.PartnersRemoved);
        Assert.Equal(["出入国在留管理庁長官"], change.PartnersAdded);
        var partner = change.Fields.Single(f => f.Label == "結合の相手方");
        Assert.Equal(ChangeSource.TextOnly, partner.Source); // the 平成 form marks nothing
        Assert.Equal([new DiffPiece(DiffKind.Removed, "法務大臣"), new DiffPiece(DiffKind.Added, "出入国在留管理庁長官")], partner.Diff);
        // 情報保護対策 was tightened: the new measures are additions, the ones kept are common text.
        var measures = change.Fields.Single(f => f.Label == "情報保護対策");
        Assert.Contains(measures.Diff, p => p.Kind == DiffKind.Added && p.Text.Contains("ファイアウォール", StringComparison.Ordinal));
        Assert.Contains(measures.Diff, p => p.Kind == DiffKind.Same && p.Text.Contains("暗号化により特定相手以外は解読不能", StringComparison.Ordinal));
        // Fields that did not change are not listed.
        Assert.DoesNotContain(change.Fields, f => f.Label is "保有課" or "登録業務の名称");
    }

    [Fact]
    public void AnAddedInformationItemIsOneAdditionAndTheFormsMarksAreKept()
    {
        var history = Of("r07_kaigo");
        var change = Assert.Single(history.Changes);
        Assert.Empty(change.PartnersAdded);
        Assert.Empty(change.PartnersRemoved);
        var items = change.Fields.Single(f => f.Label == "結合される情報項目");
        Assert.Equal(ChangeSource.MarkedAndText, items.Source);
        var added = Assert.Single(items.Diff, p => p.Kind != DiffKind.Same);
        Assert.Equal(DiffKind.Added, added.Kind);
        Assert.Equal("、科学的介護推進体制加算の算定有無", added.Text);
        Assert.DoesNotContain(items.Diff, p => p.Kind == DiffKind.Removed);
        // Every field the later form marks is in the list, marked.
        Assert.All(change.Later.Sheet.ChangedFields, label => Assert.Contains(change.Fields, f => f.Label == label && f.Source != ChangeSource.TextOnly));
    }

    [Fact]
    public void EveryChainOfTheCorpusRebuildsEachLaterTextFromItsDiff()
    {
        var chains = _history.Value.Arrangements.Select(a => TermHistories.Of(_history.Value, a)).Where(h => h.Changes.Count > 0).ToList();
        Assert.True(chains.Count >= 3, $"{chains.Count} chains");
        foreach (var change in chains.SelectMany(h => h.Changes))
        {
            foreach (var field in change.Fields)
            {
                Assert.Equal(field.Before ?? string.Empty, string.Concat(field.Diff.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
                Assert.Equal(field.After ?? string.Empty, string.Concat(field.Diff.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
            }
        }
    }

    [Fact]
    public void WordsAreRunsOfOneScriptSoAChangedNameIsOnePiece()
    {
        var diff = WordDiff.Of("委託先は株式会社さくらデータとする。", "委託先は株式会社みどりシステムズとする。");
        Assert.Equal("委託先は株式会社[-さくらデータ-]{+みどりシステムズ+}とする。", WordDiff.Plain(diff));
        Assert.Equal("氏名、住所{+、電話番号+}", WordDiff.Plain(WordDiff.Of("氏名、住所", "氏名、住所、電話番号")));
        Assert.Equal("{+新規+}", WordDiff.Plain(WordDiff.Of(null, "新規")));
    }
}
