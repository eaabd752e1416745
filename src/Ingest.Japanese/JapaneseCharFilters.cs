using Lucene.Net.Analysis.CharFilters;

namespace Ingest.Japanese;

/// <summary>
/// Character normalisation to apply before <see cref="JapaneseTokenizer"/>, as Lucene char filters so that token
/// offsets keep pointing at the original text.
/// </summary>
/// <remarks>
/// IPADIC segments full-width digits and letters differently from their ASCII forms (１０月 is one dictionary
/// word, 10月 is 10 + 月), so text that mixes both widths is tokenized inconsistently unless folded first. Kuromoji's
/// analyzer folds widths only after the tokenizer (CJKWidthFilter); this is the product's optional fix.
/// </remarks>
public static class JapaneseCharFilters
{
    private static readonly Lazy<NormalizeCharMap> s_fullWidthAlphanumerics = new(() =>
    {
        var builder = new NormalizeCharMap.Builder();
        for (var c = '０'; c <= '９'; c++)
        {
            builder.Add(c.ToString(), ((char)(c - '０' + '0')).ToString());
        }

        for (var c = 'Ａ'; c <= 'Ｚ'; c++)
        {
            builder.Add(c.ToString(), ((char)(c - 'Ａ' + 'A')).ToString());
        }

        for (var c = 'ａ'; c <= 'ｚ'; c++)
        {
            builder.Add(c.ToString(), ((char)(c - 'ａ' + 'a')).ToString());
        }

        return builder.Build();
    });

    /// <summary>Folds full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) to ASCII, keeping offsets correctable.</summary>
    public static TextReader FoldFullWidthAlphanumerics(TextReader input) => new MappingCharFilter(s_fullWidthAlphanumerics.Value, input);
}
