using Ingest.Core.Records;
using Ingest.Pipeline;

namespace Ingest.Extraction.Tests;

/// <summary>Finds the seeds and corpus documents copied beside the tests and extracts them once.</summary>
internal static class TestFiles
{
    public static string Seed(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), prefix + "_*").Single();

    public static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "corpus", "extraction", name);

    /// <summary>A document of <c>corpus/labels</c>: labels as other sections and eras word them.</summary>
    public static string LabelCorpus(string name) => Path.Combine(AppContext.BaseDirectory, "corpus", "labels", name);

    public static IReadOnlyList<SubmissionRecord> Extract(string path)
    {
        var result = IngestPipeline.Default.ExtractFile(path);
        Assert.True(result.Succeeded, $"{path}: {result.Error}");
        return result.Submissions;
    }

    public static SubmissionRecord ExtractOne(string path) => Assert.Single(Extract(path));
}
