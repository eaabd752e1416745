using Lucene.Net.Util;

namespace Ingest.Japanese;

/// <summary>The inflection of the token, set by <see cref="JapaneseTokenizer"/>.</summary>
public interface IInflectionAttribute : IAttribute
{
    /// <summary>Inflection type (活用型), e.g. 五段・カ行イ音便, or null.</summary>
    string? InflectionType { get; set; }

    /// <summary>Inflection form (活用形), e.g. 連用タ接続, or null.</summary>
    string? InflectionForm { get; set; }
}
