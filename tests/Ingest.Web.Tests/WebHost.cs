using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Ingest.Web.Tests;

/// <summary>The web app over the seed index on ASP.NET's in-memory test server, with the clock fixed at 2025-06-01.</summary>
public sealed class WebHost : IAsyncDisposable
{
    /// <summary>The fixed "today" of the handler tests.</summary>
    public static readonly DateTimeOffset Today = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private WebHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public static async Task<WebHost> StartAsync(string indexDirectory, IReadOnlyList<string>? allowedHosts = null)
    {
        var options = new WebOptions { IndexDirectory = indexDirectory, Clock = new FixedClock(Today), AllowedHosts = allowedHosts ?? [] };
        var app = WebApp.Build(options, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new WebHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
