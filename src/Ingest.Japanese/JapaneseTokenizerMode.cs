namespace Ingest.Japanese;

/// <summary>How <see cref="JapaneseTokenizer"/> segments, as Kuromoji's modes.</summary>
public enum JapaneseTokenizerMode
{
    /// <summary>Plain best segmentation.</summary>
    Normal,

    /// <summary>Also splits long compounds into their parts, emitting the compound stacked over them (for search).</summary>
    Search,

    /// <summary>Search mode, and unknown words are emitted as single-character unigrams.</summary>
    Extended,
}
