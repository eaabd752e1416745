using System.Collections.Concurrent;
using Ingest.Core.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Ingest.Index.Analysis;

/// <summary>A token as the analyzer produced it: term, position, offsets in the source text, and whether it is a canonical synonym.</summary>
public readonly record struct AnalyzedToken(string Term, int Position, int Start, int End, bool IsSynonym);

/// <summary>
/// Everything the index needs to analyse text: the tokenizer profile, the folding, and the synonym catalogue compiled
/// into a <see cref="SynonymMap"/>. Also builds analyzers for documents that define an abbreviation of a synonym name
/// (以下「機構」という), where the abbreviation counts as that name — in that document only. Thread-safe.
/// </summary>
public sealed class IndexAnalysis
{
    /// <summary>Most distinct alias sets kept compiled; beyond this, analyzers are built per use.</summary>
    public const int MaxCachedAliasSets = 256;

    private readonly SynonymMap _baseMap;
    private readonly Analyzer _entryAnalyzer;
    private readonly ConcurrentDictionary<string, Analyzer> _aliasAnalyzers = new(StringComparer.Ordinal);

    public IndexAnalysis(TokenizerProfile profile, ITextFolder folder, SynonymCatalogue synonyms)
    {
        StartupTrace.Mark("analysis: building");
        Profile = profile;
        Folder = folder;
        Synonyms = synonyms;
        _entryAnalyzer = new IngestAnalyzer(profile, folder, synonyms: null, stopBeforeSynonyms: true);
        _baseMap = BuildMap(new Dictionary<string, SynonymGroup>());
        Analyzer = new IngestAnalyzer(profile, folder, _baseMap);
        StartupTrace.Mark("analysis: synonym map built");
    }

    /// <summary>The product's analysis: see <see cref="AnalysisDefaults"/>.</summary>
    public static IndexAnalysis Default => AnalysisDefaults.Analysis;

    public TokenizerProfile Profile { get; }
    public ITextFolder Folder { get; }
    public SynonymCatalogue Synonyms { get; }

    /// <summary>The analyzer for queries and for documents that define no abbreviation.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>The single term a synonym group collapses to in the index.</summary>
    public string CanonicalTerm(SynonymGroup group) => FoldKey(group.Canonical);

    /// <summary>The analyzer for a document whose abbreviations (alias → group) are given; the base analyzer when there are none.</summary>
    public Analyzer ForAliases(IReadOnlyDictionary<string, SynonymGroup> aliases)
    {
        if (aliases.Count == 0)
            return Analyzer;
        var key = string.Join('\u0001', aliases.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + '\u0002' + pair.Value.Canonical));
        if (_aliasAnalyzers.TryGetValue(key, out var cached))
            return cached;
        var analyzer = new IngestAnalyzer(Profile, Folder, BuildMap(aliases));
        if (_aliasAnalyzers.Count < MaxCachedAliasSets)
            _aliasAnalyzers.TryAdd(key, analyzer);
        return analyzer;
    }

    /// <summary>Finds a group by any of its names, compared after folding and lower-casing.</summary>
    public SynonymGroup? GroupOf(string name)
    {
        var key = FoldKey(name);
        return Synonyms.Groups.FirstOrDefault(group => group.Names.Any(candidate => FoldKey(candidate) == key));
    }

    /// <summary>A comparison key: folded, lower case, no whitespace.</summary>
    public string FoldKey(string text) =>
        string.Concat(Folder.Fold(text).Text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    /// <summary>Analyses <paramref name="text"/> with <paramref name="analyzer"/> (the base analyzer when null).</summary>
    public IReadOnlyList<AnalyzedToken> Tokenize(string text, Analyzer? analyzer = null, string field = "all")
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = (analyzer ?? Analyzer).GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), Math.Max(position, 0), offset.StartOffset, offset.EndOffset, type.Type == SynonymFilter.TYPE_SYNONYM));
        }
        stream.End();
        return tokens;
    }

    private SynonymMap BuildMap(IReadOnlyDictionary<string, SynonymGroup> aliases)
    {
        var builder = new SynonymMap.Builder(dedup: true);
        var added = 0;
        foreach (var group in Synonyms.Groups)
        {
            var output = new CharsRef(CanonicalTerm(group));
            foreach (var name in group.Names)
                added += Add(builder, name, output);
        }
        foreach (var (alias, group) in aliases)
            added += Add(builder, alias, new CharsRef(CanonicalTerm(group)));
        return added == 0 ? new SynonymMap(null, null, 0) : builder.Build();
    }

    private int Add(SynonymMap.Builder builder, string name, CharsRef output)
    {
        // A dictionary may know a name in one letter case only (J-LIS is one word, j-lis two), so every case form's
        // word sequence is an input of the rule.
        var sequences = new[] { name, name.ToLowerInvariant(), name.ToUpperInvariant() }
            .Select(form => Tokenize(form, _entryAnalyzer).Select(token => token.Term).ToArray())
            .Where(words => words.Length > 0)
            .DistinctBy(words => string.Join('\0', words))
            .ToList();
        foreach (var words in sequences)
            builder.Add(SynonymMap.Builder.Join(words, new CharsRef()), output, includeOrig: true);
        return sequences.Count;
    }
}
