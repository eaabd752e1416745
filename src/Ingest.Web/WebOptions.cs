namespace Ingest.Web;

/// <summary>What the local web page serves and where: the index folder, the listening addresses and the clock for "today".</summary>
public sealed record WebOptions
{
    /// <summary>Loopback only: the archive is personal-information material and the page is for the user's own machine.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The index folder to serve (read-only).</summary>
    public required string IndexDirectory { get; init; }

    /// <summary>Semicolon-separated listening URLs (Kestrel syntax).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// Host names requests may give beyond those of <see cref="Urls"/> (a name this machine is reached by); any other
    /// <c>Host</c> header is refused with 400 (see <see cref="Hosting.ListenAddresses.AllowedHosts"/>).
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The clock that decides the renewal report's default date.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
