namespace Ingest.Web.Pages;

/// <summary>The frame every page shares: Japanese document language, the local stylesheet, navigation, and a main area.</summary>
internal static class Layout
{
    /// <summary>The site name shown in the header and window titles.</summary>
    public const string SiteName = "個人情報保護 付議・諮問事項アーカイブ";

    /// <summary>The stylesheet route (served from the assembly, never from the network).</summary>
    public const string StylesheetPath = "/assets/site.css";

    /// <summary>A whole page around <paramref name="body"/>; <paramref name="title"/> is plain text.</summary>
    public static SafeHtml Page(string title, SafeHtml body, string? current = null) => SafeHtml.Of($"""
        <!DOCTYPE html>
        <html lang="ja">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title} — {SiteName}</title>
        <link rel="stylesheet" href="{StylesheetPath}">
        </head>
        <body>
        <header class="site"><a class="brand" href="/">{SiteName}</a>
        <nav>{NavLink("/", "検索", current == "search")}{NavLink("/renewals", "更新一覧", current == "renewals")}</nav></header>
        <main>
        {body}
        </main>
        <footer class="site">この画面は手元の索引だけを読み取り専用で表示しています。</footer>
        </body>
        </html>

        """);

    private static SafeHtml NavLink(string href, string label, bool current) =>
        current ? SafeHtml.Of($"<a href=\"{href}\" aria-current=\"page\">{label}</a>") : SafeHtml.Of($"<a href=\"{href}\">{label}</a>");
}
