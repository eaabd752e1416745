using System.Text;
using Ingest.Core.Layout;
using Ingest.Readers.Text;

namespace Ingest.Readers.Tests.Text;

/// <summary>The text-dump reader: encodings, markup, table rows.</summary>
public sealed class TextReaderTests
{
    static TextReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Sample = "件名\t外部結合について\n保有課（担当課）\t戸籍住民課\n結合の相手方\t<u>出入国在留管理庁</u>\n";

    [Theory]
    [InlineData("utf-8")]
    [InlineData("shift_jis")]
    [InlineData("euc-jp")]
    [InlineData("utf-16le")]
    public void Detects_each_supported_encoding(string name)
    {
        var encoding = name == "utf-16le" ? new UnicodeEncoding(false, false) : Encoding.GetEncoding(name);
        var detected = TextEncodingDetector.Detect(encoding.GetBytes(Sample));
        Assert.NotNull(detected);
        Assert.Equal(name, detected.Name);
        Assert.Equal(Sample, detected.Encoding.GetString(encoding.GetBytes(Sample)));
    }

    [Fact]
    public void Utf8_bom_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();
        var layout = new TextDocumentReader().Read(bytes, "a.txt");
        Assert.True(layout.Succeeded);
        var table = Assert.IsType<TableBlock>(layout.Value!.Blocks.Single());
        Assert.Equal("件名", table.Rows[0].Cells[0].Text.Text);
    }

    [Fact]
    public void Binary_content_is_refused()
    {
        var bytes = new byte[256];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var result = new TextDocumentReader().Read(bytes, "random.bin");
        Assert.False(result.Succeeded);
        Assert.StartsWith("not text", result.Error);
    }

    [Fact]
    public void Tab_rows_become_one_table_and_markup_becomes_spans()
    {
        var blocks = TextDocumentReader.ToBlocks(Sample);
        var table = Assert.IsType<TableBlock>(Assert.Single(blocks));
        Assert.Equal(3, table.Rows.Count);
        var partner = table.Rows[2].Cells[1].Text;
        Assert.Equal("出入国在留管理庁", partner.Text);
        Assert.Equal(TextStyle.Underline, Assert.Single(partner.Spans).Style);
    }

    [Fact]
    public void Markdown_rows_headings_and_separators()
    {
        var blocks = TextDocumentReader.ToBlocks("## 事業の概要\n| 事業名 | 届出 |\n|---|---|\n| 目 的 | **軽減** |\n");
        var heading = Assert.IsType<ParagraphBlock>(blocks[0]);
        Assert.Equal(2, heading.HeadingLevel);
        Assert.Equal("事業の概要", heading.Text.Text);
        var table = Assert.IsType<TableBlock>(blocks[1]);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(TextStyle.Bold, table.Rows[1].Cells[1].Text.Spans.Single().Style);
    }

    [Theory]
    [InlineData("<p>1 概要</p> <p>本文</p>", "1 概要\n本文")]
    [InlineData("<ul><li>一</li><li>二</li></ul>", "一\n二")]
    [InlineData("法<sup>※1</sup>の公布", "法※1の公布")]
    [InlineData("A &amp; B &lt;C&gt;", "A & B <C>")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    public void Html_fragments_are_stripped(string input, string expected) =>
        Assert.Equal(expected, MarkupParser.Parse(input).Text);

    [Fact]
    public void Nested_bold_and_underline_are_both_kept()
    {
        var text = MarkupParser.Parse("前<b>太<u>太下</u></b>後");
        Assert.Equal("前太太下後", text.Text);
        Assert.Contains(text.Spans, s => s.Style == TextStyle.Bold && text.Text.Substring(s.Start, s.Length) == "太");
        Assert.Contains(text.Spans, s => s.Style == (TextStyle.Bold | TextStyle.Underline) && text.Text.Substring(s.Start, s.Length) == "太下");
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(12345);
        var alphabet = "<>/&;*|\t\n 件名保有課○－ー#-bpu".ToCharArray();
        for (var n = 0; n < 500; n++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var text = new string(chars);
            var blocks = TextDocumentReader.ToBlocks(text);
            Assert.NotNull(blocks);
            _ = MarkupParser.Parse(text);
        }
    }
}
