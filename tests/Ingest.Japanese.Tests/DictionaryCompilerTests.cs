using System.Text;
using Ingest.Japanese.Dictionary;
using Ingest.Japanese.DictionaryCompiler;
using Ingest.Japanese.Tokenization;

namespace Ingest.Japanese.Tests;

/// <summary>The dictionary compiler on a tiny IPADIC-shaped source: decoding, overrides, skipped additions, round trip, segmentation.</summary>
public sealed class DictionaryCompilerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ipadic-mini-{Guid.NewGuid():N}");

    public DictionaryCompilerTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var eucJp = Encoding.GetEncoding("euc-jp");
        Directory.CreateDirectory(_directory);
        // Context ids: 0 = BOS/EOS, 1 = noun, 2 = particle. Nouns followed by particles are cheap.
        File.WriteAllText(Path.Combine(_directory, "matrix.def"), "3 3\n0 0 0\n0 1 10\n0 2 500\n1 0 10\n1 1 200\n1 2 -100\n2 0 10\n2 1 10\n2 2 800\n");
        File.WriteAllText(Path.Combine(_directory, "char.def"), """
            DEFAULT 0 1 0
            KANJI 0 0 2
            HIRAGANA 0 1 2
            KATAKANA 1 1 2
            SYMBOL 1 1 0
            KANJINUMERIC 1 1 0
            0x3041..0x309F HIRAGANA
            0x30A1..0x30FF KATAKANA
            0x4E00..0x9FA5 KANJI
            0x4E00 KANJINUMERIC KANJI
            0xFF01..0xFF0F SYMBOL
            0x2212 SYMBOL
            """);
        File.WriteAllText(Path.Combine(_directory, "unk.def"), """
            DEFAULT,1,1,3000,記号,一般,*,*,*,*,*
            KANJI,1,1,5000,名詞,一般,*,*,*,*,*
            HIRAGANA,1,1,6000,名詞,一般,*,*,*,*,*
            KATAKANA,1,1,4000,名詞,一般,*,*,*,*,*
            SYMBOL,1,1,2000,記号,一般,*,*,*,*,*
            KANJINUMERIC,1,1,4000,名詞,数,*,*,*,*,*
            """, eucJp);
        File.WriteAllText(Path.Combine(_directory, "Noun.csv"), string.Join('\n',
            "東京,1,1,1000,名詞,固有名詞,地域,一般,*,*,東京,トウキョウ,トーキョー",
            "京都,1,1,1500,名詞,固有名詞,地域,一般,*,*,京都,キョウト,キョート",
            "東,1,1,2000,名詞,一般,*,*,*,*,東,ヒガシ,ヒガシ",
            "都,1,1,2000,名詞,一般,*,*,*,*,都,ト,ト",
            "－,1,1,100,記号,一般,*,*,*,*,－,マイナス,マイナス",
            "令和,1,1,10,名詞,固有名詞,一般,*,*,*,令和,レイワ,レイワ") + "\n", eucJp);
        File.WriteAllText(Path.Combine(_directory, "Postp.csv"), "に,2,2,300,助詞,格助詞,一般,*,*,*,に,ニ,ニ\n", eucJp);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SystemDictionary CompileAndReload()
    {
        var compiled = IpadicCompiler.Compile(_directory);
        using var core = new MemoryStream();
        compiled.WriteCore(core);
        using var features = new MemoryStream();
        compiled.FeatureTable.Value.Write(features);
        core.Position = 0;
        features.Position = 0;
        var table = FeatureTable.Read(features, "features");
        return SystemDictionary.ReadCore(core, "core", new Lazy<FeatureTable>(table));
    }

    private static string Segment(SystemDictionary dictionary, string text)
    {
        var segmenter = new ViterbiSegmenter(dictionary, null, JapaneseTokenizerMode.Normal, discardPunctuation: false, discardCompoundToken: false);
        segmenter.Reset(new StringReader(text));
        var tokens = new List<string>();
        while (segmenter.TryNext(out var token))
        {
            tokens.Add($"{segmenter.SurfaceSpan(token)}/{dictionary.GetPartOfSpeech(token.WordId)}");
        }

        return string.Join(' ', tokens);
    }

    [Fact]
    public void CompiledDictionaryRoundTripsAndSegments()
    {
        var dictionary = CompileAndReload();
        Assert.Equal(7, dictionary.KnownWordCount);
        Assert.Equal(3, dictionary.LeftSize);
        Assert.Equal(-100, dictionary.Cost(1, 2));
        Assert.Equal("東京/名詞-固有名詞-地域-一般 に/助詞-格助詞-一般", Segment(dictionary, "東京に"));
    }

    [Fact]
    public void EucJpMinusIsDecodedAsTheJisMinusSign()
    {
        // 0xA1DD is U+2212 in the JIS mapping the reference uses, U+FF0D in .NET's decoder.
        var dictionary = CompileAndReload();
        Assert.Equal("\u2212/記号-一般", Segment(dictionary, "\u2212"));
        Assert.Equal("\uFF0D/記号-一般", Segment(dictionary, "\uFF0D"));
        Assert.Null(dictionary.GetReading(dictionary.UnknownStart[dictionary.CategoryIndex("SYMBOL")]));
    }

    [Fact]
    public void LaterCharDefLinesOverrideEarlierOnes()
    {
        var dictionary = CompileAndReload();
        Assert.Equal(dictionary.CategoryIndex("KANJINUMERIC"), dictionary.CharacterClass['一']);
        Assert.Equal(dictionary.CategoryIndex("KANJI"), dictionary.CharacterClass['二']);
        Assert.Equal(dictionary.CategoryIndex("DEFAULT"), dictionary.CharacterClass['a']);
    }

    [Fact]
    public void DistributionAdditionsAreSkipped()
    {
        // The exact line Debian's 令和 patch adds is not part of IPADIC 2.7.0-20070801; a different 令和 line would be kept.
        File.WriteAllText(Path.Combine(_directory, "Noun.proper.csv"), "令和,1288,1288,5904,名詞,固有名詞,一般,*,*,*,令和,レイワ,レイワ\n", Encoding.GetEncoding("euc-jp"));
        var dictionary = CompileAndReload();
        Assert.Equal(7, dictionary.KnownWordCount);
    }

    [Fact]
    public void MalformedCsvLineNamesFileAndLine()
    {
        File.WriteAllText(Path.Combine(_directory, "Bad.csv"), "東京,1,1,100,名詞\n", Encoding.GetEncoding("euc-jp"));
        var error = Assert.Throws<InvalidDataException>(() => IpadicCompiler.Compile(_directory));
        Assert.Contains("Bad.csv:1:", error.Message);
    }
}
