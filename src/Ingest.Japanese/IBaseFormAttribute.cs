using Lucene.Net.Util;

namespace Ingest.Japanese;

/// <summary>The dictionary (base) form of the token, set by <see cref="JapaneseTokenizer"/>.</summary>
public interface IBaseFormAttribute : IAttribute
{
    /// <summary>Dictionary form of an inflected word, or null when the surface is already that form (or unknown).</summary>
    string? BaseForm { get; set; }
}
