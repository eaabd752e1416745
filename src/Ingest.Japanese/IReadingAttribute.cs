using Lucene.Net.Util;

namespace Ingest.Japanese;

/// <summary>The reading and pronunciation of the token, set by <see cref="JapaneseTokenizer"/>.</summary>
public interface IReadingAttribute : IAttribute
{
    /// <summary>Katakana reading, or null for unknown words.</summary>
    string? Reading { get; set; }

    /// <summary>Katakana pronunciation, or null for unknown words.</summary>
    string? Pronunciation { get; set; }
}
