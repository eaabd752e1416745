using System.Text;
using Lucene.Net.Analysis;
using Xunit.Abstractions;

namespace Ingest.Japanese.Tests.Conformance;

/// <summary>
/// Compares our tokenizer and analyzer, line by line, with goldens produced by Lucene's Kuromoji
/// (tests/conformance/make-goldens.sh); one test per corpus file and mode, no Java needed at test time.
/// </summary>
public sealed class KuromojiConformanceTests
{
    /// <summary>Modes every corpus file must have a golden for (all that make-goldens.sh writes by default).</summary>
    private static readonly string[] RequiredModes = ["normal", "search", "extended", "analyzer", "search" + DocumentSuffix, "exported-search", "exported-search-discard"];

    /// <summary>
    /// Environment variable naming a folder where each test also writes its actual rows as
    /// <c>&lt;corpus&gt;.&lt;mode&gt;.tsv</c>, so a whole file can be compared with <c>diff</c> against its golden.
    /// </summary>
    public const string DumpVariable = "KUROMOJI_CONFORMANCE_DUMP";

    /// <summary>How many differing lines a failure message spells out; the total count is always given.</summary>
    private const int ReportedDifferences = 10;

    /// <summary>Mode suffix of goldens made from the whole corpus file as one input (offsets relative to the file).</summary>
    private const string DocumentSuffix = "-document";

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Conformance");
    private static readonly string CorpusDirectory = Path.Combine(Root, "corpus");
    private static readonly string GoldenDirectory = Path.Combine(Root, "goldens");

    /// <summary>The index body `ingest export opensearch` writes (tests/conformance/make-exported-goldens.sh keeps a copy).</summary>
    private static readonly string ExportedSettingsPath = Path.Combine(Root, "opensearch", "ingest.index.json");

    /// <summary>The user dictionary built from the export's <c>user_dictionary_rules</c>, exactly as exported.</summary>
    private static readonly Lazy<UserDictionary> s_exportedDictionary = new(LoadExportedDictionary);

    private readonly ITestOutputHelper _output;

    public KuromojiConformanceTests(ITestOutputHelper output) => _output = output;

    /// <summary>Every golden present (corpus name × mode), e.g. ("seeds", "search").</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in Directory.EnumerateFiles(GoldenDirectory, "*.tsv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var dot = name.LastIndexOf('.');
            data.Add(name[..dot], name[(dot + 1)..]);
        }

        return data;
    }

    [Fact]
    public void EveryCorpusFileHasGoldensForEveryRequiredMode()
    {
        var corpora = Directory.EnumerateFiles(CorpusDirectory, "*.txt").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Contains("seeds", corpora);
        var missing = corpora
            .SelectMany(corpus => RequiredModes.Select(mode => $"{corpus}.{mode}.tsv"))
            .Where(golden => !File.Exists(Path.Combine(GoldenDirectory, golden)))
            .ToList();
        Assert.True(missing.Count == 0, "goldens missing (run tests/conformance/make-goldens.sh): " + string.Join(", ", missing));
    }

    [Fact]
    public void EscapingMatchesTheJavaHarness()
    {
        Assert.Equal(@"a\|b\\c\td", TokenGolden.Escape("a|b\\c\td"));
        Assert.Equal("関西国際空港", TokenGolden.Escape("関西国際空港"));
        Assert.Equal("\U00020BB7", TokenGolden.Escape("\U00020BB7"));
        Assert.Equal(@"x\uD842", TokenGolden.Escape("x\uD842"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesKuromoji(string corpus, string mode)
    {
        var corpusPath = Path.Combine(CorpusDirectory, corpus + ".txt");
        var goldenPath = Path.Combine(GoldenDirectory, $"{corpus}.{mode}.tsv");
        Assert.True(File.Exists(corpusPath), $"{goldenPath} has no corpus file {corpusPath}");

        if (mode.EndsWith(DocumentSuffix, StringComparison.Ordinal))
        {
            MatchesKuromojiOnWholeFile(corpus, mode, corpusPath, goldenPath);
            return;
        }

        var lines = File.ReadAllLines(corpusPath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var expected = TokenGolden.ReadRows(goldenPath, lines.Length);
        var tokenize = CreateRunner(mode);

        var differences = new List<string>();
        var actualRows = new List<string>(lines.Length);
        var identical = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var actual = Run(tokenize, i + 1, lines[i]);
            actualRows.Add(actual);
            if (string.Equals(actual, expected[i], StringComparison.Ordinal))
            {
                identical++;
            }
            else
            {
                differences.Add(Describe(i + 1, lines[i], expected[i], actual));
            }
        }

        _output.WriteLine($"{corpus}.{mode}: {identical}/{lines.Length} lines identical");
        var dump = Environment.GetEnvironmentVariable(DumpVariable);
        if (!string.IsNullOrEmpty(dump))
        {
            Directory.CreateDirectory(dump);
            File.WriteAllLines(Path.Combine(dump, $"{corpus}.{mode}.tsv"), actualRows, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        if (differences.Count > 0)
        {
            var message = new StringBuilder()
                .AppendLine($"{corpus}.{mode}: {differences.Count} of {lines.Length} lines differ from Kuromoji; first {Math.Min(ReportedDifferences, differences.Count)}:");
            foreach (var difference in differences.Take(ReportedDifferences))
            {
                message.AppendLine(difference);
            }

            Assert.Fail(message.ToString());
        }
    }

    /// <summary>
    /// The whole corpus file as one input, line ends included: exercises what per-line goldens cannot (input longer
    /// than any read buffer, offsets far from zero, sentence boundaries at line ends). One golden row per token.
    /// </summary>
    private void MatchesKuromojiOnWholeFile(string corpus, string mode, string corpusPath, string goldenPath)
    {
        var text = File.ReadAllText(corpusPath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var expected = TokenGolden.ReadRows(goldenPath, expectedLineCount: null);
        var row = Run(CreateRunner(mode[..^DocumentSuffix.Length]), 1, text);
        var actual = row.Split('\t').Skip(1).Select((token, i) => $"{i + 1}\t{token}").ToList();

        var identicalPrefix = 0;
        while (identicalPrefix < expected.Count && identicalPrefix < actual.Count
               && string.Equals(expected[identicalPrefix], actual[identicalPrefix], StringComparison.Ordinal))
        {
            identicalPrefix++;
        }

        _output.WriteLine($"{corpus}.{mode}: first {identicalPrefix} of {expected.Count} tokens identical ({actual.Count} produced)");
        var dump = Environment.GetEnvironmentVariable(DumpVariable);
        if (!string.IsNullOrEmpty(dump))
        {
            Directory.CreateDirectory(dump);
            File.WriteAllLines(Path.Combine(dump, $"{corpus}.{mode}.tsv"), actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        if (identicalPrefix == expected.Count && actual.Count == expected.Count)
        {
            return;
        }

        var message = new StringBuilder()
            .AppendLine($"{corpus}.{mode}: {expected.Count} tokens expected, {actual.Count} produced, first difference at token {identicalPrefix + 1}:");
        for (var i = Math.Max(0, identicalPrefix - 2); i < identicalPrefix + ReportedDifferences; i++)
        {
            var expectedRow = i < expected.Count ? expected[i] : "(none)";
            var actualRow = i < actual.Count ? actual[i] : "(none)";
            message.AppendLine($"  {(expectedRow == actualRow ? " " : "≠")} expected {expectedRow,-40} actual {actualRow}");
        }

        Assert.Fail(message.ToString());
    }

    /// <summary>Builds the per-line token source for a golden mode: a fresh tokenizer per line, or one reused analyzer.</summary>
    private static Func<string, TokenStream> CreateRunner(string mode)
    {
        switch (mode)
        {
            case "normal":
                return line => new JapaneseTokenizer(new StringReader(line), null, true, JapaneseTokenizerMode.Normal);
            case "search":
                return line => new JapaneseTokenizer(new StringReader(line), null, true, JapaneseTokenizerMode.Search);
            case "extended":
                return line => new JapaneseTokenizer(new StringReader(line), null, true, JapaneseTokenizerMode.Extended);
            case "exported-search":
                // Kuromoji's goldens keep compound tokens (Lucene 4.10 cannot drop them), so ours keeps them too here.
                return line => new JapaneseTokenizer(new StringReader(line), s_exportedDictionary.Value, true, JapaneseTokenizerMode.Search);
            case "exported-search-discard":
                // What the product indexes with and the export asks for (discard_compound_token).
                return line => new JapaneseTokenizer(new StringReader(line), s_exportedDictionary.Value, true, JapaneseTokenizerMode.Search, discardCompoundToken: true);
            case "analyzer":
                // One analyzer for the whole file, as an index would use it: this also checks that reuse resets state.
                var analyzer = new JapaneseAnalyzer();
                return line => analyzer.GetTokenStream("f", new StringReader(line));
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown golden mode");
        }
    }

    /// <summary>The kuromoji_tokenizer's <c>user_dictionary_rules</c> of the exported settings, joined one a line, parsed as Kuromoji parses them.</summary>
    private static UserDictionary LoadExportedDictionary()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(ExportedSettingsPath));
        var tokenizers = settings.RootElement.GetProperty("settings").GetProperty("analysis").GetProperty("tokenizer");
        var kuromoji = tokenizers.EnumerateObject().Single(tokenizer => tokenizer.Value.GetProperty("type").GetString() == "kuromoji_tokenizer");
        var rules = kuromoji.Value.GetProperty("user_dictionary_rules").EnumerateArray().Select(rule => rule.GetString()!);
        return UserDictionary.Parse(new StringReader(string.Join('\n', rules)), ExportedSettingsPath);
    }

    [Fact]
    public void ExportedRulesAreTheDomainDictionary()
    {
        // The goldens test the exported rules; this ties them to what the product tokenizes with.
        Assert.Equal(UserDictionary.Domain.Count, s_exportedDictionary.Value.Count);
        Assert.True(s_exportedDictionary.Value.Count > 0);
    }

    /// <summary>
    /// Renders one line's tokens; an exception becomes the row text so that one crashing line is reported
    /// with the others instead of hiding the rest of the file.
    /// </summary>
    private static string Run(Func<string, TokenStream> tokenize, int lineNumber, string line)
    {
        try
        {
            using var stream = tokenize(line);
            return TokenGolden.Render(lineNumber, stream);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return $"{lineNumber}\t!{exception.GetType().Name}: {exception.Message}";
        }
    }

    private static string Describe(int lineNumber, string line, string expected, string actual)
    {
        var expectedTokens = expected.Split('\t').Skip(1).ToArray();
        var actualTokens = actual.Split('\t').Skip(1).ToArray();
        var first = 0;
        while (first < expectedTokens.Length && first < actualTokens.Length
               && string.Equals(expectedTokens[first], actualTokens[first], StringComparison.Ordinal))
        {
            first++;
        }

        static string Window(string[] tokens, int from) =>
            string.Join("  ", tokens.Skip(Math.Max(0, from - 1)).Take(5)) + (tokens.Length > from + 4 ? "  …" : string.Empty);

        var shownLine = line.Length > 80 ? line[..80] + "…" : line;
        return $"  line {lineNumber} 「{shownLine}」 first difference at token {first + 1}" + Environment.NewLine
             + $"    expected ({expectedTokens.Length} tokens): {Window(expectedTokens, first)}" + Environment.NewLine
             + $"    actual   ({actualTokens.Length} tokens): {Window(actualTokens, first)}";
    }
}
