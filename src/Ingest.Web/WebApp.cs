using System.Globalization;
using System.Text;
using Ingest.Index.Search;
using Ingest.Index.Store;
using Ingest.Reports.Drafts;
using Ingest.Reports.Export;
using Ingest.Web.Catalog;
using Ingest.Web.Pages;
using Ingest.Web.Queries;
using Ingest.Web.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.Web;

/// <summary>
/// Builds the local web page: Kestrel serving server-rendered Japanese HTML over one index, read-only, with every asset
/// served from the assembly. Each page request first moves the index to its newest commit, so an <c>ingest import</c>
/// running beside the server shows up as it commits; an index folder that does not exist yet is served as empty. Routes: <c>/</c> search, <c>/record/{sha256}/{ordinal}</c> record (and <c>…/source</c> its
/// verified source file), <c>/renewals</c> the renewal report and <c>/renewals.xlsx</c>, <c>/renewals.csv</c> its downloads.
/// </summary>
public static class WebApp
{
    private const string HtmlContentType = "text/html; charset=utf-8";
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string CsvContentType = "text/csv; charset=utf-8";
    private const string CalendarContentType = "text/calendar; charset=utf-8";

    // Pages build their own markup and styles; nothing may load from elsewhere or be framed by another site.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly Lazy<string> _stylesheet = new(LoadStylesheet);

    /// <summary>
    /// The application for <paramref name="options"/>, not yet started. <paramref name="configure"/> may adjust the builder
    /// before it is built (tests swap Kestrel for the test server). The production environment is fixed, so an error
    /// never shows a developer page or a stack trace.
    /// </summary>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A start that fails (a port in use) is reported in one line by the caller; the host's and Kestrel's own reports of it
        // are a stack trace each.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.None);
        var hosts = Hosting.ListenAddresses.Parse(options.Urls, out _).AllowedHosts(options.AllowedHosts);
        builder.Services.AddHostFiltering(filtering =>
        {
            filtering.AllowedHosts = [.. hosts];
            filtering.AllowEmptyHosts = false;
            filtering.IncludeFailureMessage = false;
        });
        builder.Services.AddSingleton(_ => IndexStore.Open(options.IndexDirectory));
        builder.Services.AddSingleton(services => new RecordCatalog(services.GetRequiredService<IndexStore>()));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseHostFiltering();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteError, StatusCodeSelector = StatusOf });
        app.UseStatusCodePages(context => StatusPage(context.HttpContext));
        app.Use(AddSecurityHeaders);
        app.Use(RefreshIndex);
        Map(app, options.Clock);
        return app;
    }

    private static void Map(WebApplication app, TimeProvider clock)
    {
        app.MapGet("/", (HttpContext http, IndexStore store, RecordCatalog catalog) =>
        {
            var parsed = SearchQuery.Parse(http.Request.Query);
            if (!parsed.Succeeded)
                return Page(StatusCodes.Status400BadRequest, ErrorPage.Render(StatusCodes.Status400BadRequest, parsed.Errors));
            return Page(StatusCodes.Status200OK, SearchPage.Render(SearchPage.Run(store, catalog.Current, parsed.Value!)));
        });

        app.MapGet("/record/{sha256}/{ordinal:int}", (string sha256, int ordinal, IndexStore store, RecordCatalog catalog) =>
        {
            var snapshot = catalog.Current;
            var record = RecordId.IsSha256(sha256) && ordinal >= 0 ? snapshot.Find(sha256.ToLowerInvariant(), ordinal) : null;
            if (record is null)
                return Results.NotFound();
            // The panel of precedents: past submissions most like this one (its other files left out).
            using var lease = store.AcquireSearcher();
            var similar = lease is null ? [] : new SimilarSubmissions(lease.Searcher, store.Analysis).LikeRecord(record, RecordPage.SimilarShown);
            return Page(StatusCodes.Status200OK, RecordPage.Render(record, snapshot, similar));
        });

        app.MapGet("/record/{sha256}/{ordinal:int}/source", (string sha256, int ordinal, RecordCatalog catalog) =>
        {
            var record = RecordId.IsSha256(sha256) && ordinal >= 0 ? catalog.Current.Find(sha256.ToLowerInvariant(), ordinal) : null;
            if (record is null || SourceFiles.Open(record) is not { } source)
                return Results.NotFound();
            return Results.Stream(source.Content, source.ContentType, source.Inline ? null : source.FileName);
        });

        app.MapGet("/renewals", (HttpContext http, RecordCatalog catalog) =>
        {
            var parsed = RenewalPageQuery.Parse(http.Request.Query);
            if (!parsed.Succeeded)
                return Page(StatusCodes.Status400BadRequest, ErrorPage.Render(StatusCodes.Status400BadRequest, parsed.Errors));
            var snapshot = catalog.Current;
            var report = RenewalPage.Build(snapshot, parsed.Value!, clock);
            return Page(StatusCodes.Status200OK, RenewalPage.Render(report, parsed.Value!, snapshot));
        });

        app.MapGet("/renewals.xlsx", (HttpContext http, RecordCatalog catalog) => Download(http, catalog, clock, new XlsxReportWriter(), XlsxContentType));
        app.MapGet("/renewals.csv", (HttpContext http, RecordCatalog catalog) => Download(http, catalog, clock, new CsvReportWriter(), CsvContentType));
        app.MapGet("/renewals.ics", (HttpContext http, RecordCatalog catalog) =>
        {
            var weeks = RenewalPageQuery.Parse(http.Request.Query).Value?.RemindWeeks;
            return Download(http, catalog, clock, new IcsReportWriter(weeks is { } w ? TimeSpan.FromDays(7 * w) : null), CalendarContentType);
        });
        app.MapGet(RenewalPage.DraftsPath, (HttpContext http, RecordCatalog catalog) => DownloadDrafts(http, catalog, clock));

        app.MapGet(Layout.StylesheetPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(_stylesheet.Value, "text/css; charset=utf-8", Encoding.UTF8);
        });
    }

    private static IResult Download(HttpContext http, RecordCatalog catalog, TimeProvider clock, IReportWriter writer, string contentType)
    {
        var parsed = RenewalPageQuery.Parse(http.Request.Query);
        if (!parsed.Succeeded)
            return Page(StatusCodes.Status400BadRequest, ErrorPage.Render(StatusCodes.Status400BadRequest, parsed.Errors));
        var report = RenewalPage.Build(catalog.Current, parsed.Value!, clock);
        using var buffer = new MemoryStream();
        writer.Write(report, buffer);
        var name = string.Create(CultureInfo.InvariantCulture, $"renewals-{report.AsOf:yyyy-MM-dd}{writer.Extension}");
        return Results.File(buffer.ToArray(), contentType, name);
    }

    /// <summary>Next term's Word drafts for the report's due arrangements, one zip (the files of <c>ingest report renewals --drafts</c>).</summary>
    private static IResult DownloadDrafts(HttpContext http, RecordCatalog catalog, TimeProvider clock)
    {
        var parsed = RenewalPageQuery.Parse(http.Request.Query);
        if (!parsed.Succeeded)
            return Page(StatusCodes.Status400BadRequest, ErrorPage.Render(StatusCodes.Status400BadRequest, parsed.Errors));
        var query = RenewalPage.Query(parsed.Value!, clock);
        var drafts = RenewalDrafts.Plan(catalog.Current.History, query);
        using var buffer = new MemoryStream();
        RenewalDraftWriter.WriteZip(drafts, buffer);
        var name = string.Create(CultureInfo.InvariantCulture, $"renewal-drafts-{query.AsOf:yyyy-MM-dd}.zip");
        return Results.File(buffer.ToArray(), "application/zip", name);
    }

    private static IResult Page(int status, SafeHtml html) => Results.Content(html.ToString(), HtmlContentType, Encoding.UTF8, status);

    // A request Kestrel itself finds malformed is the client's fault (400); anything else is ours (500). Neither shows details.
    private static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    private static async Task WriteError(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is null ? StatusCodes.Status500InternalServerError : StatusOf(error);
        if (status == StatusCodes.Status500InternalServerError && error is not null)
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(WebApp)).LogError(error, "request failed: {Path}", context.Request.Path);
        context.Response.StatusCode = status;
        context.Response.ContentType = HtmlContentType;
        await context.Response.WriteAsync(ErrorPage.Render(status).ToString(), Encoding.UTF8);
    }

    private static async Task StatusPage(HttpContext context)
    {
        context.Response.ContentType = HtmlContentType;
        await context.Response.WriteAsync(ErrorPage.Render(context.Response.StatusCode).ToString(), Encoding.UTF8);
    }

    private static Task AddSecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        // A source PDF must open in the browser's own viewer, which the page policy would block.
        if (!context.Request.Path.Value?.EndsWith("/source", StringComparison.Ordinal) ?? true)
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }

    /// <summary>
    /// Moves the store to the newest commit before a page is built: a cheap check when nothing changed, and searches
    /// already running keep their commit. A commit that cannot be read at this moment (say, an import's disk is full)
    /// leaves the page on the commit it had.
    /// </summary>
    private static Task RefreshIndex(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(Layout.StylesheetPath, StringComparison.Ordinal))
        {
            try
            {
                context.RequestServices.GetRequiredService<IndexStore>().Refresh();
            }
            catch (IOException e)
            {
                context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(WebApp)).LogWarning(e, "cannot refresh the index; serving the commit already open");
            }
        }
        return next(context);
    }

    private static string LoadStylesheet()
    {
        using var stream = typeof(WebApp).Assembly.GetManifestResourceStream("Ingest.Web.Assets.site.css")
            ?? throw new InvalidOperationException("the stylesheet resource Ingest.Web.Assets.site.css is missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
