using System.Net.Http.Headers;
using System.Text;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>
/// The HTTP client a sync uses: the system's TLS trust (no certificate check is ever switched off) and the credentials
/// of the environment, if any, as a default header, so they never appear in an address, a command line or a message.
/// </summary>
public static class OpenSearchClient
{
    /// <summary>Cluster address of the live integration test.</summary>
    public const string UrlVariable = "INGEST_OPENSEARCH_URL";

    /// <summary>User name and password for HTTP basic authentication.</summary>
    public const string UserVariable = "INGEST_OPENSEARCH_USERNAME";

    public const string PasswordVariable = "INGEST_OPENSEARCH_PASSWORD";

    /// <summary>An API key (sent as <c>Authorization: ApiKey …</c>), instead of user name and password.</summary>
    public const string ApiKeyVariable = "INGEST_OPENSEARCH_API_KEY";

    /// <summary>A client with the credentials <paramref name="environment"/> gives (an API key first, then user and password).</summary>
    public static HttpClient Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var apiKey = environment(ApiKeyVariable);
        var user = environment(UserVariable);
        if (!string.IsNullOrEmpty(apiKey))
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        else if (!string.IsNullOrEmpty(user))
        {
            var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (environment(PasswordVariable) ?? "")));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", pair);
        }
        return http;
    }
}
