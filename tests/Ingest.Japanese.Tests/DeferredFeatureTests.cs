using Ingest.Japanese.Dictionary;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Ingest.Japanese.Tests;

/// <summary>
/// The feature attributes look their strings up only when read: the values must be those of the token they were set
/// for, whenever they are read, copied or captured, and a value assigned by a filter must win over the lookup.
/// </summary>
public sealed class DeferredFeatureTests
{
    [Fact]
    public void FeaturesReadAfterTheTokenizerMovedOnAreThoseOfTheirToken()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("東京都に住んでいます"), mode: JapaneseTokenizerMode.Normal);
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        tokenizer.Reset();
        var states = new List<(string Term, AttributeSource.State State)>();
        while (tokenizer.IncrementToken())
        {
            // Captured without reading any feature: the copies must still resolve to this token's word.
            states.Add((term.ToString(), tokenizer.CaptureState()));
        }

        tokenizer.End();
        var baseForm = tokenizer.GetAttribute<IBaseFormAttribute>();
        var partOfSpeech = tokenizer.GetAttribute<IPartOfSpeechAttribute>();
        var reading = tokenizer.GetAttribute<IReadingAttribute>();
        var inflection = tokenizer.GetAttribute<IInflectionAttribute>();
        var rendered = new List<string>();
        foreach (var (text, state) in states)
        {
            tokenizer.RestoreState(state);
            rendered.Add($"{text}:{partOfSpeech.PartOfSpeech}:{baseForm.BaseForm}:{reading.Reading}:{reading.Pronunciation}:{inflection.InflectionType}:{inflection.InflectionForm}");
        }

        Assert.Equal(
            [
                "東京:名詞-固有名詞-地域-一般::トウキョウ:トーキョー::",
                "都:名詞-接尾-地域::ト:ト::",
                "に:助詞-格助詞-一般::ニ:ニ::",
                "住ん:動詞-自立:住む:スン:スン:五段・マ行:連用タ接続",
                "で:助詞-接続助詞::デ:デ::",
                "い:動詞-非自立:いる:イ:イ:一段:連用形",
                "ます:助動詞::マス:マス:特殊・マス:基本形",
            ],
            rendered);
    }

    [Fact]
    public void AValueAssignedByAFilterWinsOverTheLookup()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("住んで"), mode: JapaneseTokenizerMode.Normal);
        var baseForm = tokenizer.AddAttribute<IBaseFormAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        baseForm.BaseForm = "すむ";
        Assert.Equal("すむ", baseForm.BaseForm);
        tokenizer.ClearAttributes();
        Assert.Null(baseForm.BaseForm);
    }

    [Fact]
    public void CopyingToAnotherImplementationHandsOverTheLookedUpValues()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("住んで"), mode: JapaneseTokenizerMode.Normal);
        var reading = (ReadingAttribute)tokenizer.AddAttribute<IReadingAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        var foreign = new PlainReading();
        reading.CopyTo(foreign);
        Assert.Equal(("スン", "スン"), (foreign.Reading, foreign.Pronunciation));
    }

    [Fact]
    public void TheRootIndexFindsEveryFirstCharacterOfTheTrie()
    {
        var dictionary = DictionaryResources.System;
        var start = dictionary.NodeChildStart[0];
        var end = start + dictionary.NodeChildCount[0];
        var roots = dictionary.RootChildren;
        for (var child = start; child < end; child++)
        {
            Assert.Equal(child, roots[dictionary.NodeLabel[child]]);
        }

        Assert.Equal(end - start, roots.Count(node => node >= 0));
    }

    /// <summary>An implementation of the interface other than ours, as a user's attribute factory could supply.</summary>
    private sealed class PlainReading : Lucene.Net.Util.Attribute, IReadingAttribute
    {
        public string? Reading { get; set; }

        public string? Pronunciation { get; set; }

        public override void Clear() => (Reading, Pronunciation) = (null, null);

        public override void CopyTo(IAttribute target) => throw new NotSupportedException();

        public override void ReflectWith(IAttributeReflector reflector)
        {
        }
    }
}
