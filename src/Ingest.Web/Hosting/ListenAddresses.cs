using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Ingest.Web.Hosting;

/// <summary>
/// The addresses the page listens on, and what follows from them: which <c>Host</c> headers a request may carry, and who
/// on the network can read the archive. A request naming another host is refused (<see cref="AllowedHosts"/>): a page
/// on another site can make a browser send requests to 127.0.0.1 under a name of its own (DNS rebinding), and only the
/// Host header shows it.
/// </summary>
public sealed class ListenAddresses
{
    private ListenAddresses(IReadOnlyList<Uri> urls) => Urls = urls;

    /// <summary>The listening URLs.</summary>
    public IReadOnlyList<Uri> Urls { get; }

    /// <summary>Parses Kestrel's <c>;</c>-separated URLs; an error names the one that is not an http(s) URL.</summary>
    public static ListenAddresses Parse(string urls, out string? error)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var parsed = new List<Uri>();
        error = null;
        foreach (var text in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcards ("*", "+") are not host names Uri accepts; they mean every address, as 0.0.0.0 does.
            var normal = text.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normal, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                error = $"'{text}' is not an http:// URL";
                break;
            }
            parsed.Add(uri);
        }
        if (error is null && parsed.Count == 0)
            error = "no URL given";
        return new ListenAddresses(parsed);
    }

    /// <summary>The URLs bound to addresses other machines can reach (anything but loopback).</summary>
    public IReadOnlyList<Uri> Remote => Urls.Where(uri => !IsLoopback(uri)).ToList();

    /// <summary>
    /// The host names a request may give: for a loopback URL its own host, <c>localhost</c>, <c>127.0.0.1</c> and
    /// <c>[::1]</c>; for an address of this machine that address; for every address (<c>0.0.0.0</c>, <c>[::]</c>) the
    /// loopback names, this machine's name and the addresses of its interfaces; and the names given (<c>--allowed-hosts</c>).
    /// </summary>
    public IReadOnlyList<string> AllowedHosts(IEnumerable<string>? extra = null)
    {
        var hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var uri in Urls)
        {
            // Never 0.0.0.0 or [::] themselves: the host filter reads those as "any host".
            if (!IsWildcard(uri))
                hosts.Add(uri.Host);
            if (IsLoopback(uri) || IsWildcard(uri))
                hosts.UnionWith(["localhost", "127.0.0.1", "[::1]"]);
            if (IsWildcard(uri))
            {
                hosts.Add(Dns.GetHostName());
                // Link-local addresses need a zone (fe80::1%eth0), which no Host header carries.
                hosts.UnionWith(InterfaceNetworks().Where(network => !network.Address.IsIPv6LinkLocal).Select(network => HostForm(network.Address)));
            }
        }
        foreach (var name in extra ?? [])
        {
            if (!string.IsNullOrWhiteSpace(name))
                hosts.Add(name.Trim());
        }
        return [.. hosts];
    }

    /// <summary>
    /// Who can read the archive through <paramref name="uri"/>: the networks of the interfaces it listens on (every
    /// interface for <c>0.0.0.0</c>), in words for the warning printed at start.
    /// </summary>
    public static string WhoCanReach(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var networks = InterfaceNetworks().ToList();
        if (!IsWildcard(uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var bound))
            networks = networks.Where(network => network.Address.Equals(bound)).ToList();
        var list = networks.Count == 0
            ? "every machine that can route to this one"
            : string.Join(", ", networks.Select(network => $"{network.Prefix} ({network.Interface})"));
        return $"{uri.GetLeftPart(UriPartial.Authority)} is reachable from other machines: anyone on {list} can read every record of the archive, which holds personal information";
    }

    /// <summary>Whether the URL's host is a loopback address or <c>localhost</c>.</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static bool IsWildcard(Uri uri) =>
        IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    private static string HostForm(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private sealed record Network(string Interface, IPAddress Address, string Prefix);

    /// <summary>The unicast addresses of this machine's interfaces that are up, loopback excepted, with their network prefix.</summary>
    private static IEnumerable<Network> InterfaceNetworks()
    {
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            yield break;
        }
        foreach (var face in interfaces.Where(face => face.OperationalStatus == OperationalStatus.Up && face.NetworkInterfaceType != NetworkInterfaceType.Loopback))
        {
            foreach (var unicast in face.GetIPProperties().UnicastAddresses.Where(u => !IPAddress.IsLoopback(u.Address)))
            {
                var network = new IPNetwork(Masked(unicast.Address, unicast.PrefixLength), unicast.PrefixLength);
                yield return new Network(face.Name, unicast.Address, network.ToString());
            }
        }
    }

    private static IPAddress Masked(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefixLength; bit < bytes.Length * 8; bit++)
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return new IPAddress(bytes);
    }
}
