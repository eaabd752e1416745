using System.Net;
using Ingest.Web.Hosting;

namespace Ingest.Web.Tests;

/// <summary>Only the bound names are answered (DNS rebinding), and the rules on which hosts and who can reach the page.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class HostingTests(SeedIndexFixture index)
{
    private static async Task<HttpStatusCode> Status(WebHost host, string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = hostHeader;
        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_and_the_bound_loopback_names_are_answered()
    {
        await using var host = await WebHost.StartAsync(index.Directory);
        Assert.Equal(HttpStatusCode.BadRequest, await Status(host, "attacker.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status(host, "attacker.example:5080"));
        foreach (var name in new[] { "127.0.0.1:5080", "localhost:5080", "localhost", "[::1]:5080" })
            Assert.Equal(HttpStatusCode.OK, await Status(host, name));
    }

    [Fact]
    public async Task Names_given_with_allowed_hosts_are_answered()
    {
        await using var host = await WebHost.StartAsync(index.Directory, ["archive.ward.local"]);
        Assert.Equal(HttpStatusCode.OK, await Status(host, "archive.ward.local:5080"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status(host, "other.ward.local"));
    }

    [Fact]
    public void Allowed_hosts_follow_the_urls()
    {
        var loopback = ListenAddresses.Parse("http://127.0.0.1:5080", out var error);
        Assert.Null(error);
        Assert.Empty(loopback.Remote);
        Assert.Equal(["127.0.0.1", "localhost", "[::1]"], loopback.AllowedHosts());

        var wildcard = ListenAddresses.Parse("http://127.0.0.1:5080;http://*:8080", out error);
        Assert.Null(error);
        Assert.Equal("0.0.0.0", Assert.Single(wildcard.Remote).Host);
        Assert.Contains(Dns.GetHostName(), wildcard.AllowedHosts(), StringComparer.OrdinalIgnoreCase);
        // The host filter reads these as "any host": they must never be among the names allowed.
        Assert.DoesNotContain("0.0.0.0", wildcard.AllowedHosts());
        Assert.DoesNotContain("*", wildcard.AllowedHosts());
        Assert.Contains("is reachable from other machines: anyone on ", ListenAddresses.WhoCanReach(wildcard.Remote[0]), StringComparison.Ordinal);

        ListenAddresses.Parse("ftp://127.0.0.1", out error);
        Assert.Equal("'ftp://127.0.0.1' is not an http:// URL", error);
    }
}
