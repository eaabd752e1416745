using Ingest.Core.Records;
using Ingest.Pipeline;

namespace Ingest.Reports.Tests.Support;

/// <summary>Seeds and corpus documents copied next to the tests, read through the product's pipeline.</summary>
internal static class Corpus
{
    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");
    public static string RenewalDirectory => Path.Combine(AppContext.BaseDirectory, "corpus", "renewals");

    public static IReadOnlyList<SubmissionRecord> Seeds() => ExtractAll(SeedDirectory);
    public static IReadOnlyList<SubmissionRecord> Renewals() => ExtractAll(RenewalDirectory);

    public static IReadOnlyList<SubmissionRecord> ExtractAll(string directory)
    {
        var records = new List<SubmissionRecord>();
        foreach (var path in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var result = IngestPipeline.Default.ExtractFile(path);
            Assert.True(result.Succeeded, $"{path}: {result.Error}");
            records.AddRange(result.Submissions);
        }
        return records;
    }

    /// <summary>The file name (without directory) of a record's source, for readable assertions.</summary>
    public static string FileName(string path) => Path.GetFileName(path);
}
