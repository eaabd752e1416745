using System.CommandLine;
using Ingest.Core.Diagnostics;
using Ingest.Index.Export.OpenSearch;
using Ingest.Index.Store;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest export opensearch [--index DIR] (--out FOLDER | --url URL) [--name NAME]</c>: the index's records and
/// analysis for an OpenSearch cluster with the <c>analysis-kuromoji</c> plugin, as files (<c>NAME.index.json</c>, the body
/// of <c>PUT /NAME</c>, and <c>NAME.bulk.ndjson</c>, the body of <c>POST /_bulk</c>) or sent straight to a cluster, then
/// only what changed on later runs. Credentials come from the environment, never from the address or the command line.
/// Exit codes: 0 done; 1 the cluster or the files failed; 2 bad arguments or no index; 3 some documents were refused
/// (each said; the rest were sent).
/// </summary>
internal static class ExportCommand
{
    private const string UserVariable = OpenSearchClient.UserVariable;
    private const string PasswordVariable = OpenSearchClient.PasswordVariable;
    private const string ApiKeyVariable = OpenSearchClient.ApiKeyVariable;

    public static Command Create()
    {
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var output = new Option<string?>("--out") { Description = "Write NAME.index.json and NAME.bulk.ndjson into this folder." };
        var url = new Option<string?>("--url") { Description = $"Sync to the cluster at this address (https://host:9200); credentials from {UserVariable} and {PasswordVariable}, or {ApiKeyVariable}." };
        var name = new Option<string?>("--name") { Description = $"OpenSearch index name (default: {OpenSearchIndexName.Default})." };
        var opensearch = new Command("opensearch", "The records and the Japanese analysis for an OpenSearch cluster (analysis-kuromoji plugin): as files, or synced.")
        {
            index, output, url, name,
        };
        opensearch.SetAction((parse, cancellation) => RunAsync(parse.GetValue(index) ?? IndexStore.DefaultDirectory, parse.GetValue(output), parse.GetValue(url),
            parse.GetValue(name), Environment.GetEnvironmentVariable, Console.Out, Console.Error, cancellation));
        return new Command("export", "Export the index for another search engine.") { opensearch };
    }

    internal static async Task<int> RunAsync(string indexDirectory, string? outFolder, string? url, string? nameText,
        Func<string, string?> environment, TextWriter output, TextWriter errors, CancellationToken cancellation = default)
    {
        if ((outFolder is null) == (url is null))
        {
            errors.WriteLine("give either --out FOLDER (write files) or --url URL (sync to a cluster)");
            return 2;
        }
        OpenSearchIndexName name;
        try
        {
            name = nameText is null ? OpenSearchIndexName.Default : OpenSearchIndexName.Parse(nameText);
        }
        catch (FormatException e)
        {
            errors.WriteLine(ConsoleText.Line($"--name {nameText}: {e.Message}"));
            return 2;
        }
        // No folder is exit 2, a folder without an index exit 1, as for every command that reads an index.
        if (IndexFolder.Refuse(indexDirectory, errors) is { } refused)
            return refused;
        try
        {
            using var store = IndexStore.Open(indexDirectory);
            return outFolder is not null
                ? WriteFiles(store, outFolder, name, output)
                : await SyncAsync(store, url!, name, environment, output, errors, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{indexDirectory}: export failed: {e.Message}"));
            return 1;
        }
    }

    private static int WriteFiles(IndexStore store, string folder, OpenSearchIndexName name, TextWriter output)
    {
        var summary = OpenSearchExport.WriteFiles(store, folder, name);
        output.WriteLine(ConsoleText.Line($"wrote {summary.IndexBodyPath} (PUT /{name.Value}) and {summary.BulkPath} (POST /_bulk: {summary.Documents:N0} documents of {summary.Submissions:N0} submissions, {summary.BulkBytes / 1048576.0:0.0} MB)"));
        return 0;
    }

    private static async Task<int> SyncAsync(IndexStore store, string url, OpenSearchIndexName name, Func<string, string?> environment,
        TextWriter output, TextWriter errors, CancellationToken cancellation)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var cluster) || cluster.Scheme is not ("http" or "https"))
        {
            errors.WriteLine(ConsoleText.Line($"--url {url}: not an http(s) address"));
            return 2;
        }
        if (!string.IsNullOrEmpty(cluster.UserInfo))
        {
            // Never echo the address back: it holds the secret.
            errors.WriteLine($"--url: put no credentials in the address; set {UserVariable} and {PasswordVariable}, or {ApiKeyVariable}");
            return 2;
        }
        using var http = OpenSearchClient.Create(environment);
        var sync = new OpenSearchSync(http, cluster, name);
        try
        {
            var summary = await sync.RunAsync(store, cancellation).ConfigureAwait(false);
            foreach (var failure in summary.Failures)
                errors.WriteLine(ConsoleText.Line($"{failure.Id}: {failure.Action} refused (HTTP {failure.Status}): {failure.Reason}"));
            output.WriteLine(ConsoleText.Line($"{sync.Target}: {(summary.Created ? "created; " : "")}{summary.Indexed:N0} document(s) sent, {summary.Deleted:N0} deleted, {summary.Unchanged:N0} unchanged, {summary.Failures.Count:N0} refused ({summary.Requests:N0} request(s), {summary.Retries:N0} retried)"));
            return summary.Failures.Count > 0 ? ImportCommand.SomeFilesFailed : 0;
        }
        catch (OpenSearchSyncException e)
        {
            errors.WriteLine(ConsoleText.Line($"{e.Message}"));
            return 1;
        }
    }
}
