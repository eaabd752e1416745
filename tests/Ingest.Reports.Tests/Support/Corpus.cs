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

    /// <summary>The seeds' and corpus documents' Word forms and Chromium PDFs: other renditions of the same submissions.</summary>
    public static IReadOnlyList<SubmissionRecord> Renditions() => ExtractAll(Path.Combine(AppContext.BaseDirectory, "renditions"), "*.*");

    public static IReadOnlyList<SubmissionRecord> ExtractAll(string directory, string pattern = "*.txt")
    {
        var records = new List<SubmissionRecord>();
        foreach (var path in Directory.GetFiles(directory, pattern).Order(StringComparer.Ordinal))
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
