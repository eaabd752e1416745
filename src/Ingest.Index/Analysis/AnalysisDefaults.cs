namespace Ingest.Index.Analysis;

/// <summary>The product's choice of tokenizer, folding and synonyms, made in one place.</summary>
public static class AnalysisDefaults
{
    private static readonly Lazy<IndexAnalysis> _analysis = new(() => new IndexAnalysis(Profile, Folder, SynonymCatalogue.Default));

    /// <summary>The tokenizer the product indexes with.</summary>
    public static TokenizerProfile Profile => JapaneseProfile.Search;

    /// <summary>The folding applied before tokenisation.</summary>
    public static ITextFolder Folder => NormaliserTextFolder.Instance;

    /// <summary>The product analysis (shipped synonyms).</summary>
    public static IndexAnalysis Analysis => _analysis.Value;
}
