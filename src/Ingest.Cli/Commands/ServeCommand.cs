using System.CommandLine;
using System.Net;
using Ingest.Index.Store;
using Ingest.Web;
using Microsoft.Extensions.Hosting;
using Ingest.Core.Diagnostics;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest serve [--index DIR] [--urls URLS]</c>: the local web page (search, records, renewals) over an index, read-only,
/// bound to loopback unless other addresses are given. Imports committed while it runs show up on the next request; an
/// index folder that does not exist yet is served as empty until an import creates it.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var urls = new Option<string>("--urls")
        {
            Description = $"Listening URLs, separated by ';' (default: {WebOptions.DefaultUrls}; loopback only unless told otherwise).",
            DefaultValueFactory = _ => WebOptions.DefaultUrls,
        };
        var command = new Command("serve", "Serve the search, record and renewal pages in a local browser.") { index, urls };
        command.SetAction(parse => Run(parse.GetValue(index), parse.GetValue(urls) ?? WebOptions.DefaultUrls, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the server until Ctrl+C; 0 after a clean stop, 2 when the URLs are unusable or the index cannot be read.</summary>
    internal static int Run(string? indexDirectory, string urls, TextWriter output, TextWriter errors)
    {
        var directory = Path.GetFullPath(indexDirectory ?? IndexStore.DefaultDirectory);
        if (File.Exists(directory))
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: a file, not an index folder"));
            return 2;
        }
        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length == 0)
        {
            errors.WriteLine("--urls: no URL given");
            return 2;
        }
        foreach (var address in addresses)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.WriteLine(ConsoleText.Line($"--urls: '{address}' is not an http:// URL"));
                return 2;
            }
            if (!IsLoopback(uri))
                errors.WriteLine(ConsoleText.Line($"warning: {address} is reachable from other machines; the archive holds personal information"));
        }

        try
        {
            using var app = WebApp.Build(new WebOptions { IndexDirectory = directory, Urls = string.Join(';', addresses) });
            app.Start();
            // Not an error: the page says the index is empty, and shows what `ingest import` commits there from then on.
            if (!Directory.Exists(directory))
                errors.WriteLine(ConsoleText.Line($"{directory}: no index yet; the page stays empty until `ingest import --index {directory}` commits"));
            foreach (var address in addresses)
                output.WriteLine(ConsoleText.Line($"serving {directory} at {address} (Ctrl+C to stop)"));
            app.WaitForShutdown();
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            // Kestrel reports a port in use as an IOException; a bad synonym file in the index as FormatException.
            errors.WriteLine(ConsoleText.Line($"cannot serve {directory} at {urls}: {e.Message}"));
            return 2;
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
