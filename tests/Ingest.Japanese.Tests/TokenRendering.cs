using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ingest.Japanese.Tests;

/// <summary>Renders (and closes) a token stream as "term|start|end|positionIncrement|positionLength" tokens joined by spaces.</summary>
internal static class TokenRendering
{
    public static string Render(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}|{offset.StartOffset}|{offset.EndOffset}|{increment.PositionIncrement}|{length.PositionLength}");
        }

        stream.End();
        // Close, as every consumer must before the stream (or an analyzer's reused components) is used again.
        stream.Dispose();
        return string.Join(' ', tokens);
    }

    public static string Tokenize(string text, JapaneseTokenizerMode mode, UserDictionary? dictionary = null, bool discardPunctuation = true, bool discardCompound = false)
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), dictionary, discardPunctuation, mode, discardCompound);
        return Render(tokenizer);
    }

    public static string Terms(string text, JapaneseTokenizerMode mode, UserDictionary? dictionary = null)
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), dictionary, true, mode);
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var terms = new List<string>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        tokenizer.End();
        return string.Join(' ', terms);
    }
}
