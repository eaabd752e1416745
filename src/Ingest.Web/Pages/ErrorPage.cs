
namespace Ingest.Web.Pages;

/// <summary>Error pages in Japanese: what went wrong in words a reader can act on, never a stack trace.</summary>
internal static class ErrorPage
{
    /// <summary>The page for a status code with optional detail lines (plain text, encoded here).</summary>
    public static SafeHtml Render(int status, IReadOnlyList<string>? details = null)
    {
        var (title, lead) = status switch
        {
            400 => ("入力に誤りがあります", "検索条件を読み取れませんでした。次の点を直してからもう一度お試しください。"),
            404 => ("ページが見つかりません", "指定された資料やページは索引にありません。"),
            405 => ("この操作はできません", "この画面は閲覧専用です。"),
            _ => ("エラーが発生しました", "処理中に問題が起きました。時間をおいてもう一度お試しください。"),
        };
        var body = new HtmlBuilder();
        body.Append($"<section class=\"error\"><h1>{title}</h1>\n<p>{lead}</p>\n");
        if (details is { Count: > 0 })
        {
            body.Append($"<ul>");
            foreach (var detail in details)
                body.Append($"<li>{detail}</li>");
            body.Append($"</ul>\n");
        }
        body.Append($"<p><a href=\"/\">検索画面に戻る</a></p></section>");
        return Layout.Page(title, body.ToSafeHtml());
    }
}
