using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;

namespace Ingest.Reports.Tests;

/// <summary>The renewal report counts an arrangement once however many files (Word, PDF, text) carry its submission.</summary>
public sealed class RenditionReportTests
{
    private static readonly RenewalQuery AsOf20261122 = new() { AsOf = new DateOnly(2026, 11, 22) };

    [Fact]
    public void The_report_over_seeds_corpus_and_their_renditions_has_the_rows_of_one_file_each()
    {
        var single = Corpus.Seeds().Concat(Corpus.Renewals())
            .Concat(Corpus.ExtractAll(Path.Combine(AppContext.BaseDirectory, "corpus", "extraction"), "*.*")).ToList();
        var withRenditions = single.Concat(Corpus.Renditions()).ToList();
        Assert.True(withRenditions.Count >= single.Count + 10);

        var one = RenewalReportBuilder.Build(single, AsOf20261122);
        var many = RenewalReportBuilder.Build(withRenditions, AsOf20261122);

        Assert.Equal(one.Rows.Count, many.Rows.Count);
        Assert.Equal(one.NeedingRenewal.Count(), many.NeedingRenewal.Count());
        Assert.Equal(one.NeedingReview.Count(), many.NeedingReview.Count());
        // A replaced row's evidence names the replacing file, which is now its Word form: compare the phrase before it.
        static string Phrase(string evidence) => evidence.Split(" → ")[0];
        Assert.Equal(one.Rows.Select(row => (row.Status, row.SheetType, row.Title, Phrase(row.Evidence))),
            many.Rows.Select(row => (row.Status, row.SheetType, row.Title, Phrase(row.Evidence))));
    }

    [Fact]
    public void Each_row_is_read_from_the_most_faithful_file()
    {
        var many = RenewalReportBuilder.Build(Corpus.Seeds().Concat(Corpus.Renditions()), AsOf20261122);
        // Every seed has a Word form among the renditions, so every row of a seed comes from it.
        Assert.NotEmpty(many.Rows);
        Assert.All(many.Rows, row => Assert.EndsWith(".docx", row.Path, StringComparison.Ordinal));
        Assert.All(many.Rows.SelectMany(row => row.History), entry => Assert.EndsWith(".docx", entry.Path, StringComparison.Ordinal));
    }
}
