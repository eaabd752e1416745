using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Ingest.Japanese;

/// <summary>Removes tokens whose part of speech (e.g. 助詞-格助詞-一般) is one of the stop tags, leaving a position gap.</summary>
public sealed class JapanesePartOfSpeechStopFilter : FilteringTokenFilter
{
    private readonly ISet<string> _stopTags;
    private readonly IPartOfSpeechAttribute _partOfSpeech;

    public JapanesePartOfSpeechStopFilter(LuceneVersion version, TokenStream input, ISet<string> stopTags)
        : base(version, input)
    {
        _stopTags = stopTags;
        _partOfSpeech = AddAttribute<IPartOfSpeechAttribute>();
    }

    protected override bool Accept() => _partOfSpeech.PartOfSpeech is not { } tag || !_stopTags.Contains(tag);
}
