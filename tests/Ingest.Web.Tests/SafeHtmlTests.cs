using Ingest.Index.Search;
using Ingest.Web.Pages;

namespace Ingest.Web.Tests;

/// <summary>Markup is safe by construction: holes are encoded unless they are already safe, and nothing turns a string into markup unencoded.</summary>
public sealed class SafeHtmlTests
{
    private const string Hostile = "<script>alert('x')</script>\"&";

    [Fact]
    public void Holes_are_encoded_and_literal_markup_is_kept()
    {
        var text = Hostile;
        var count = 3;
        Assert.Equal("<td title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\">3</td>", SafeHtml.Of($"<td title=\"{text}\">{count}</td>").ToString());
    }

    [Fact]
    public void Safe_pieces_nest_without_being_encoded_twice()
    {
        var inner = SafeHtml.Of($"<b>{Hostile}</b>");
        var outer = new HtmlBuilder().Append($"<p>{inner}</p>").Append(SafeHtml.Text("a < b")).ToSafeHtml();
        Assert.Equal("<p><b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</b></p>a &lt; b", outer.ToString());
    }

    [Fact]
    public void Lines_and_snippets_encode_their_text()
    {
        Assert.Equal("一行目&lt;br&gt;<br>二行目", SafeHtml.Lines("一行目<br>\r\n二行目").ToString());
        var snippet = new Snippet("<i>暗号化</i>して送る", [new Highlight(3, 3)]);
        Assert.Equal("&lt;i&gt;<mark>暗号化</mark>&lt;/i&gt;して送る", SafeHtml.Snippet(snippet).ToString());
    }
}
