using System.CommandLine;
using System.Net.Sockets;
using Ingest.Index.Store;
using Ingest.Web;
using Ingest.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Ingest.Core.Diagnostics;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest serve [--index DIR] [--urls URLS] [--allow-remote] [--allowed-hosts NAMES]</c>: the local web page (search,
/// records, renewals) over an index, read-only, bound to loopback unless other addresses are given with --allow-remote. Imports committed while it runs show up on the next request; an
/// index folder that does not exist yet is served as empty until an import creates it.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var urls = new Option<string>("--urls")
        {
            Description = $"Listening URLs, separated by ';' (default: {WebOptions.DefaultUrls}; an address other machines can reach needs --allow-remote).",
            DefaultValueFactory = _ => WebOptions.DefaultUrls,
        };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow --urls addresses other machines can reach: everyone on those networks can then read the archive." };
        var allowedHosts = new Option<string?>("--allowed-hosts") { Description = "Further host names requests may use, separated by ','; requests naming any other host are refused (400)." };
        var command = new Command("serve", "Serve the search, record and renewal pages in a local browser.") { index, urls, allowRemote, allowedHosts };
        command.SetAction(parse => Run(parse.GetValue(index), parse.GetValue(urls) ?? WebOptions.DefaultUrls, Console.Out, Console.Error,
            parse.GetValue(allowRemote), parse.GetValue(allowedHosts)));
        return command;
    }

    /// <summary>
    /// Runs the server until Ctrl+C; 0 after a clean stop, 2 when the URLs are unusable, reach other machines without
    /// --allow-remote, or the index cannot be read, 1 when it cannot listen (a port in use).
    /// </summary>
    internal static int Run(string? indexDirectory, string urls, TextWriter output, TextWriter errors, bool allowRemote = false, string? allowedHosts = null)
    {
        var directory = Path.GetFullPath(indexDirectory ?? IndexStore.DefaultDirectory);
        if (File.Exists(directory))
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: a file, not an index folder"));
            return 2;
        }
        var addresses = ListenAddresses.Parse(urls, out var urlError);
        if (urlError is not null)
        {
            errors.WriteLine($"--urls: {urlError}");
            return 2;
        }
        foreach (var remote in addresses.Remote)
        {
            if (!allowRemote)
            {
                errors.WriteLine(ConsoleText.Line($"--urls {remote.GetLeftPart(UriPartial.Authority)} is reachable from other machines, and the archive holds personal information: pass --allow-remote to serve it there"));
                return 2;
            }
            errors.WriteLine(ConsoleText.Line($"warning: {ListenAddresses.WhoCanReach(remote)}"));
        }

        var options = new WebOptions
        {
            IndexDirectory = directory,
            Urls = urls,
            AllowedHosts = (allowedHosts ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        try
        {
            using var app = WebApp.Build(options);
            app.Start();
            // Not an error: the page says the index is empty, and shows what `ingest import` commits there from then on.
            if (!Directory.Exists(directory))
                errors.WriteLine(ConsoleText.Line($"{directory}: no index yet; the page stays empty until `ingest import --index {directory}` commits"));
            foreach (var address in app.Urls)
                output.WriteLine(ConsoleText.Line($"serving {directory} at {address} (Ctrl+C to stop)"));
            app.WaitForShutdown();
            return 0;
        }
        catch (IOException e) when (e.InnerException is SocketException or IOException || e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel reports a port in use as an IOException wrapping the socket error.
            errors.WriteLine(ConsoleText.Line($"cannot serve {directory} at {urls}: {(e.InnerException ?? e).Message}"));
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            // A bad synonym file in the index is a FormatException.
            errors.WriteLine(ConsoleText.Line($"cannot serve {directory} at {urls}: {e.Message}"));
            return 2;
        }
    }
}
