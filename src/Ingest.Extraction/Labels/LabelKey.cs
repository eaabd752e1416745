using System.Text;

namespace Ingest.Extraction.Labels;

/// <summary>
/// The comparison form of a label: cleaned text with every space removed (PDF dumps space out labels: 目 的, 件 名)
/// and every bracket style folded to ASCII parentheses (（）【】〔〕［］ all occur around the same words).
/// </summary>
public static class LabelKey
{
    /// <summary>Folds already-cleaned text (see <c>TextNormaliser.Clean</c>).</summary>
    public static string Fold(string cleaned)
    {
        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (char.IsWhiteSpace(c))
                continue;
            builder.Append(FoldChar(c));
        }
        return builder.ToString();
    }

    /// <summary>The folded form of one character; whitespace is the caller's business.</summary>
    public static char FoldChar(char c) => c switch
    {
        '（' or '〔' or '［' or '[' or '｛' or '{' => '(',
        '）' or '〕' or '］' or ']' or '｝' or '}' => ')',
        _ => c,
    };
}
