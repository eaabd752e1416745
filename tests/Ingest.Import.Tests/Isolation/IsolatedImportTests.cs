using System.Text.Json;
using Ingest.Index.Store;
using Ingest.Tests.Shared;

namespace Ingest.Import.Tests.Isolation;

/// <summary>
/// The real <c>ingest import</c>, isolated by default, over ordinary files mixed with files that kill their parser:
/// every ordinary file is imported, each killer is named once with its reason, the exit code is 3, and a second run
/// extracts none of the ordinary files again.
/// </summary>
public sealed class IsolatedImportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-isolated-import-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Code, string Output, string[] Errors) Import(string corpus, string index, string log) => IngestProcess.Run(
        [
            "import", corpus, "--index", index, "--log", log, "--jobs", "2",
            // Budgets small enough for the killers below, roomy for ordinary files.
            "--parse-stack", "64K", "--file-memory", "256M", "--file-timeout", "30",
        ],
        timeout: TimeSpan.FromMinutes(10));

    [Fact]
    public void Ordinary_files_are_all_imported_while_each_file_that_kills_its_parser_fails_once()
    {
        var corpus = Path.Combine(_root, "corpus");
        var ordinary = DemandingDocuments.Ordinary(corpus, 24, seed: 31);
        var killers = new Dictionary<string, string>
        {
            ["nested.docx"] = "crashed the parser (stack overflow)",
            ["minutes-2024.txt"] = "over the ",
            ["register-2024.pdf"] = "over the ",
        };
        DemandingDocuments.NestedTables(Path.Combine(corpus, "nested.docx"), depth: 60);
        DemandingDocuments.ManySubmissionsText(Path.Combine(corpus, "minutes-2024.txt"), 20_000_000, seed: 31);
        DemandingDocuments.DenseRegisterPdf(Path.Combine(corpus, "register-2024.pdf"), pages: 1500);
        var index = Path.Combine(_root, "index");

        var first = Import(corpus, index, Path.Combine(_root, "first.jsonl"));

        Assert.Equal(3, first.Code);
        Assert.Contains($"imported {ordinary.Count}, unchanged 0, replaced 0, removed 0, failed {killers.Count}", first.Output);
        AssertEachKillerNamedOnce(first.Errors, corpus, killers);
        using (var store = IndexStore.Open(index))
            Assert.Equal(ordinary.Select(Path.GetFullPath).Order(), store.AllRecords().Select(r => r.Source.Path).Order());

        var second = Import(corpus, index, Path.Combine(_root, "second.jsonl"));

        Assert.Equal(3, second.Code);
        Assert.Contains($"imported 0, unchanged {ordinary.Count}, replaced 0, removed 0, failed {killers.Count}", second.Output);
        AssertEachKillerNamedOnce(second.Errors, corpus, killers);
        var outcomes = File.ReadAllLines(Path.Combine(_root, "second.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => Path.GetFileName(e.GetProperty("path").GetString()!), e => e.GetProperty("outcome").GetString());
        Assert.All(ordinary, file => Assert.Equal("unchanged", outcomes[Path.GetFileName(file)]));
    }

    private static void AssertEachKillerNamedOnce(string[] errors, string corpus, Dictionary<string, string> killers)
    {
        var failed = errors.Where(line => line.StartsWith("FAILED ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(killers.Count, failed.Length);
        foreach (var (name, reason) in killers)
        {
            var line = Assert.Single(failed, l => l.StartsWith($"FAILED {Path.Combine(corpus, name)}: ", StringComparison.Ordinal));
            Assert.Contains(reason, line);
        }
        Assert.DoesNotContain(errors, line => line.Contains("Exception", StringComparison.Ordinal) || line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
