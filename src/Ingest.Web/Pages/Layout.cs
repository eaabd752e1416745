using System.Text;

namespace Ingest.Web.Pages;

/// <summary>The frame every page shares: Japanese document language, the local stylesheet, navigation, and a main area.</summary>
internal static class Layout
{
    /// <summary>The site name shown in the header and window titles.</summary>
    public const string SiteName = "個人情報保護 付議・諮問事項アーカイブ";

    /// <summary>The stylesheet route (served from the assembly, never from the network).</summary>
    public const string StylesheetPath = "/assets/site.css";

    /// <summary>A whole page around <paramref name="body"/> (already HTML); <paramref name="title"/> is plain text.</summary>
    public static string Page(string title, string body, string? current = null)
    {
        var html = new StringBuilder(body.Length + 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(title)).Append(" — ").Append(Html.Encode(SiteName)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\">\n</head>\n<body>\n")
            .Append("<header class=\"site\"><a class=\"brand\" href=\"/\">").Append(Html.Encode(SiteName)).Append("</a>\n<nav>")
            .Append(NavLink("/", "検索", current == "search"))
            .Append(NavLink("/renewals", "更新一覧", current == "renewals"))
            .Append("</nav></header>\n<main>\n")
            .Append(body)
            .Append("\n</main>\n<footer class=\"site\">この画面は手元の索引だけを読み取り専用で表示しています。</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string NavLink(string href, string label, bool current) =>
        current ? $"<a href=\"{href}\" aria-current=\"page\">{label}</a>" : $"<a href=\"{href}\">{label}</a>";
}
