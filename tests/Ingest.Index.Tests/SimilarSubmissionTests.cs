using Ingest.Core.Records;
using Ingest.Index.Documents;
using Ingest.Index.Search;
using Ingest.Pipeline;

namespace Ingest.Index.Tests;

/// <summary>Similar submissions over the seeds and corpus documents (one file each): precedents rank above unrelated submissions.</summary>
public sealed class SimilarSubmissionTests(OneFileEachFixture index) : IClassFixture<OneFileEachFixture>
{
    private SubmissionRecord Stored(string fileStart) =>
        index.Store.AllRecords().Single(record => Path.GetFileName(record.Source.Path).StartsWith(fileStart, StringComparison.Ordinal));

    private IReadOnlyList<SimilarSubmission> Like(SubmissionRecord record)
    {
        using var lease = index.Store.AcquireSearcher()!;
        return new SimilarSubmissions(lease.Searcher, index.Store.Analysis).LikeRecord(record, 20);
    }

    private static string Name(SimilarSubmission item) => Path.GetFileName(item.Record.Source.Path);

    [Theory]
    // A 2019 change of the 法務省 linkage and its 2012 report; a 2025 addition to the 国保連 linkage and its 2024 report;
    // the 2022 ぴったり procedure addition and its 2021 linkage.
    [InlineData("001_", "h24_houmu_renkei")]
    [InlineData("r07_kaigo", "r06_kaigo")]
    [InlineData("r06_kaigo", "r07_kaigo")]
    [InlineData("004_", "r03_pittari")]
    public void A_report_of_the_same_arrangement_in_another_year_ranks_first(string given, string expected)
    {
        var similar = Like(Stored(given));
        Assert.NotEmpty(similar);
        Assert.StartsWith(expected, Name(similar[0]), StringComparison.Ordinal);
        Assert.NotEmpty(similar[0].SharedTerms);
        // The submission itself is not its own precedent.
        Assert.DoesNotContain(similar, item => Name(item).StartsWith(given, StringComparison.Ordinal));
        Assert.True(similar.Select(item => item.Score).SequenceEqual(similar.Select(item => item.Score).OrderDescending()));
    }

    [Fact]
    public void A_draft_that_is_another_rendition_of_a_submission_finds_that_submission_first()
    {
        foreach (var (word, expected) in new[] { ("004_", "004_"), ("juki_packet", "juki_packet"), ("kuromatsu", "kuromatsu") })
        {
            var file = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "renditions"), word + "*.docx").Single();
            var draft = IngestPipeline.Default.ExtractFile(file);
            Assert.True(draft.Succeeded, draft.Error);
            var text = string.Join("\n", draft.Submissions.Take(1).SelectMany(RecordTexts.All).Select(entry => entry.Text));
            using var lease = index.Store.AcquireSearcher()!;
            var similar = new SimilarSubmissions(lease.Searcher, index.Store.Analysis).LikeText(text, 5);
            Assert.StartsWith(expected, Name(similar[0]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_text_with_no_indexed_word_finds_nothing()
    {
        using var lease = index.Store.AcquireSearcher()!;
        Assert.Empty(new SimilarSubmissions(lease.Searcher, index.Store.Analysis).LikeText("zzqx wvvk"));
    }
}
