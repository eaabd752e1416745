using Ingest.Core.Normalisation;

namespace Ingest.Extraction.Labels;

/// <summary>
/// The comparison form of a label: <see cref="TextNormaliser.FoldKey"/> — cleaned, every space removed (PDF dumps space
/// out labels: 目 的, 件 名) and every bracket style folded to ASCII parentheses (（）【】〔〕 occur around the same words).
/// </summary>
public static class LabelKey
{
    public static string Fold(string text) => TextNormaliser.FoldKey(text);
}
