using System.Diagnostics;
using Ingest.Generator.Forms;
using Ingest.Generator.Forms.Fonts;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Ingest.Import.Tests;

/// <summary>
/// Generated PDFs carry a subset of IPAex Gothic, so viewers draw the right glyphs: the subset holds each letter's own
/// outline, and poppler (pdftoppm) renders different kanji differently instead of the same empty box.
/// </summary>
public sealed class PdfFontEmbeddingTests
{
    private static readonly FixtureBlock[] Sample =
    [
        new FixtureParagraph("個人情報保護審議会", Heading: true),
        new FixtureParagraph("担当部課：地域振興部戸籍住民課 LGWAN"),
    ];

    [Fact]
    public void The_subset_holds_each_letters_outline_from_the_font_under_cid_equals_glyph()
    {
        using var document = PdfDocument.Open(PdfFixtureWriter.Render(Sample), new ParsingOptions { UseLenientParsing = false });
        var program = EmbeddedProgram(document);
        var subset = TrueTypeFont.Read(program);
        var font = IpaexGothic.Font;
        var letters = string.Concat(document.GetPage(1).Letters.Select(l => l.Value)).EnumerateRunes().Select(r => r.Value).Distinct().ToArray();
        Assert.Equal(letters.Length + 1, subset.GlyphCount); // .notdef, then one glyph per letter
        foreach (var letter in letters)
        {
            var glyph = subset.GlyphOf(letter);
            Assert.True(glyph > 0, $"U+{letter:X4} has no glyph in the subset");
            Assert.Equal(font.GlyphData(font.GlyphOf(letter)).ToArray(), subset.GlyphData(glyph).ToArray());
            Assert.Equal(font.Advance(font.GlyphOf(letter)), subset.Advance(glyph));
        }
    }

    [PdftoppmFact]
    public void Poppler_finds_the_font_embedded_and_draws_each_kanji_with_its_own_glyph()
    {
        var folder = Directory.CreateTempSubdirectory("ingest-fonts-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "sample.pdf");
            File.WriteAllBytes(pdf, PdfFixtureWriter.Render(Sample));
            var fonts = Run("pdffonts", pdf).Split('\n').Where(l => l.Contains("IPAexGothic", StringComparison.Ordinal)).ToArray();
            Assert.Equal(2, fonts.Length);
            Assert.All(fonts, line => Assert.Matches(@"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", line)); // embedded, subset, ToUnicode
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var door = Render("戸籍");
        var oldDoor = Render("戶籍");
        Assert.True(Ink(door) > 100, "the page is blank");
        Assert.NotEqual(door, oldDoor); // tofu boxes would look the same
        Assert.Equal(door, Render("戸籍")); // and the output is stable
    }

    private static string Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool}: {errors}");
        return output;
    }

    private static byte[] EmbeddedProgram(PdfDocument document)
    {
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (document.Structure.GetObject(reference).Data is DictionaryToken descriptor
                && descriptor.Data.TryGetValue(NameToken.FontFile2.Data, out var file) && file is IndirectReferenceToken stream)
                return ((StreamToken)document.Structure.GetObject(stream.Data).Data).Decode(document.Structure.FilterProvider, document.Structure.TokenScanner).ToArray();
        }
        throw new InvalidOperationException("no embedded TrueType program");
    }

    /// <summary>The first page of a one-line PDF as poppler draws it, as an 8-bit grey PGM image.</summary>
    private static byte[] Render(string text)
    {
        var folder = Directory.CreateTempSubdirectory("ingest-render-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "page.pdf");
            File.WriteAllBytes(pdf, PdfFixtureWriter.Render([new FixtureParagraph(text, Heading: true)]));
            using var process = Process.Start(new ProcessStartInfo(PdftoppmFactAttribute.Tool, ["-r", "150", "-gray", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", "400", "-H", "200", pdf, Path.Combine(folder.FullName, "page")])
            {
                RedirectStandardError = true,
            })!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, errors);
            Assert.DoesNotContain("rror", errors); // poppler reports font trouble on stderr
            return File.ReadAllBytes(Directory.GetFiles(folder.FullName, "page*.pgm").Single());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Dark pixels of a PGM image (its header is three lines).</summary>
    private static int Ink(byte[] pgm)
    {
        var newlines = 0;
        var start = 0;
        while (newlines < 3)
            newlines += pgm[start++] == '\n' ? 1 : 0;
        return pgm.Skip(start).Count(b => b < 128);
    }
}

/// <summary>A fact that runs only where poppler's pdftoppm is installed (Debian: poppler-utils); skipped, saying so, elsewhere.</summary>
public sealed class PdftoppmFactAttribute : FactAttribute
{
    public const string Tool = "pdftoppm";

    public PdftoppmFactAttribute()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, Tool)));
        if (!found)
            Skip = "pdftoppm not found (apt-get install poppler-utils): rendering test skipped";
    }
}
