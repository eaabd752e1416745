using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ingest.Index.Analysis;

/// <summary>
/// Marks canonical synonym tokens as keywords, so later stemming or base-form filters leave them alone
/// (a synonym token inherits the attributes of the first word it covers, including that word's base form).
/// </summary>
public sealed class SynonymKeywordFilter : TokenFilter
{
    private readonly ITypeAttribute _type;
    private readonly IKeywordAttribute _keyword;

    public SynonymKeywordFilter(TokenStream input)
        : base(input)
    {
        _type = AddAttribute<ITypeAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (_type.Type == SynonymFilter.TYPE_SYNONYM)
            _keyword.IsKeyword = true;
        return true;
    }
}
