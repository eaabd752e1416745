using System.Text.Json.Nodes;
using Ingest.Cli.Commands;

namespace Ingest.Cli.Tests;

/// <summary>`ingest export opensearch` as a user meets it: files from an imported archive, and clear refusals of bad arguments.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-cli-export-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Index => Path.Combine(_root, "index");

    private void ImportSeeds()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        foreach (var seed in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")))
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        var code = ImportCommand.Run([folder], Index, 2, logPath: null, commitEvery: 1000, synonymFile: null, new StringWriter(), new StringWriter(), new ImportCommand.ImportSafety());
        Assert.Equal(0, code);
    }

    private static (int Code, string Output, string Errors) Export(string index, string? outFolder, string? url, string? name = null, Func<string, string?>? environment = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = ExportCommand.RunAsync(index, outFolder, url, name, environment ?? (_ => null), output, errors).GetAwaiter().GetResult();
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Writes_the_index_body_and_a_bulk_body_of_every_seed_submission()
    {
        ImportSeeds();
        var folder = Path.Combine(_root, "out");
        var (code, output, errors) = Export(Index, folder, null, "ward");
        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Contains("ward.bulk.ndjson", output, StringComparison.Ordinal);

        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "ward.index.json")))!;
        Assert.Equal("kuromoji_tokenizer", body["settings"]!["analysis"]!["tokenizer"]!["ingest_kuromoji"]!["type"]!.GetValue<string>());
        var lines = File.ReadAllLines(Path.Combine(folder, "ward.bulk.ndjson"));
        var sources = lines.Where((_, i) => i % 2 == 1).Select(line => JsonNode.Parse(line)!).ToList();
        var submissions = sources.Select(source => source["submission"]!.GetValue<string>()).Distinct().Count();
        Assert.Equal(Directory.GetFiles(Path.Combine(_root, "archive")).Length, sources.Select(source => source["path"]!.GetValue<string>()).Distinct().Count());
        Assert.True(submissions >= 5);
        Assert.All(sources.Where(source => source["fiscal_year"] is not null), source => Assert.InRange(source["fiscal_year"]!.GetValue<int>(), 1989, 2100));
    }

    [Fact]
    public void Asks_for_exactly_one_of_out_and_url()
    {
        ImportSeeds();
        Assert.Equal(2, Export(Index, null, null).Code);
        Assert.Equal(2, Export(Index, Path.Combine(_root, "out"), "http://127.0.0.1:9/").Code);
    }

    [Fact]
    public void A_bad_name_or_a_missing_index_is_said()
    {
        var (code, _, errors) = Export(Path.Combine(_root, "nothing"), Path.Combine(_root, "out"), null);
        Assert.Equal(2, code);
        Assert.Contains("no index here", errors, StringComparison.Ordinal);
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        (code, _, errors) = Export(empty, Path.Combine(_root, "out"), null);
        Assert.Equal(1, code); // as search, show and report
        Assert.Contains("holds no index", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(empty));
        ImportSeeds();
        (code, _, errors) = Export(Index, Path.Combine(_root, "out"), null, "Ward");
        Assert.Equal(2, code);
        Assert.Contains("lower case", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_the_address_are_refused_without_being_printed()
    {
        ImportSeeds();
        var (code, output, errors) = Export(Index, null, "https://admin:s3cret-pass@127.0.0.1:9/");
        Assert.Equal(2, code);
        Assert.DoesNotContain("s3cret-pass", output + errors, StringComparison.Ordinal);
        Assert.Contains("INGEST_OPENSEARCH_USERNAME", errors, StringComparison.Ordinal);
    }
}
