using Lucene.Net.Util;

namespace Ingest.Japanese;

/// <summary>The part of speech of the token, set by <see cref="JapaneseTokenizer"/>.</summary>
public interface IPartOfSpeechAttribute : IAttribute
{
    /// <summary>IPADIC part of speech joined by hyphens, e.g. 名詞-固有名詞-地域-一般.</summary>
    string? PartOfSpeech { get; set; }
}
