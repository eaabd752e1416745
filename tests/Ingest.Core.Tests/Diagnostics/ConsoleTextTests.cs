using System.Text.Json;
using Ingest.Core.Diagnostics;
using Ingest.Core.Records;

namespace Ingest.Core.Tests.Diagnostics;

/// <summary>Text from file names and content reaches the terminal escaped: one value, one line, no live escape sequence.</summary>
public sealed class ConsoleTextTests
{
    [Theory]
    [InlineData("plain 令和6年度/資料40.pdf", "plain 令和6年度/資料40.pdf")]
    [InlineData("a\nFAILED b.txt", @"a\nFAILED b.txt")]
    [InlineData("a\r\nb\tc", @"a\r\nb\tc")]
    [InlineData("\u001b[31mred\u001b[0m", @"\x1B[31mred\x1B[0m")]
    [InlineData("\u001b]0;title\u0007", @"\x1B]0;title\x07")]
    [InlineData("nul\0del\u007f c1\u009b", @"nul\x00del\x7F c1\x9B")]
    [InlineData("abc\u202Etxt.exe", @"abc\u202Etxt.exe")]
    [InlineData("\u2066isolate\u2069", @"\u2066isolate\u2069")]
    public void Control_characters_become_visible_escapes(string text, string expected) =>
        Assert.Equal(expected, ConsoleText.Escape(text));

    [Theory]
    [InlineData("plain 令和6年度/資料40.pdf", false)]
    [InlineData("a\nb", true)]
    [InlineData("abc\u202Etxt.exe", true)]
    [InlineData("\u2066isolate", true)]
    [InlineData("del\u007f", true)]
    [InlineData("", false)]
    public void A_span_needs_escaping_exactly_when_its_string_does(string text, bool expected)
    {
        // The span overload serves writers that copy a buffer without making a string of it (ingest tokenize's terms).
        Assert.Equal(expected, ConsoleText.NeedsEscaping(text.AsSpan()));
        Assert.Equal(expected, ConsoleText.NeedsEscaping(text));
        Assert.Equal(expected, ConsoleText.Escape(text) != text);
    }

    [Fact]
    public void Text_without_control_characters_is_returned_as_it_is()
    {
        const string text = "委託先：株式会社ＡＢＣ — ①②";
        Assert.Same(text, ConsoleText.Escape(text));
        Assert.False(ConsoleText.NeedsEscaping(text));
        Assert.Equal(string.Empty, ConsoleText.Escape(null));
    }

    [Fact]
    public void A_line_escapes_its_values_and_keeps_its_own_text_and_number_formats()
    {
        var path = "evil\n\u001b[2JFAILED forged.txt";
        var line = ConsoleText.Line($"FAILED {path}: {12345:N0} bytes, {null}, {new DateOnly(2024, 4, 1):yyyy-MM-dd}");
        Assert.Equal(@"FAILED evil\n\x1B[2JFAILED forged.txt: 12,345 bytes, , 2024-04-01", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void Record_json_escapes_c0_and_c1_control_characters_itself()
    {
        // --json output is printed as the serializer writes it; it must not need ConsoleText.
        var json = RecordJson.Serialize(new { text = "a\u001b[31m\u009bb\n" });
        Assert.DoesNotContain('\u001b', json);
        Assert.DoesNotContain('\u009b', json);
        Assert.Equal("a\u001b[31m\u009bb\n", JsonDocument.Parse(json).RootElement.GetProperty("text").GetString());
    }
}
