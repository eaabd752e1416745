using System.Globalization;
using System.Runtime.CompilerServices;
using Ingest.Japanese.Dictionary;

namespace Ingest.Japanese.Tokenization;

/// <summary>
/// Segments text into words the way Kuromoji does: a lattice of dictionary words, user-dictionary phrases and
/// unknown words (char.def categories), searched with Viterbi over word costs plus matrix.def connection costs.
/// </summary>
/// <remarks>
/// Streaming: the input is read on demand and the best path is committed ("back-traced") whenever the lattice
/// narrows to a single arc at a boundary no arc crosses, since every later best path must pass through it; when
/// no such boundary appears for <see cref="MaxBacktraceGap"/> characters, the cheapest partial path is committed
/// anyway. Memory is thus bounded by that gap, not by the input.
/// Extended mode additionally charges those penalties while building the lattice.
/// Search mode: a back-traced word that is long (all-kanji longer than 2, or anything longer than 7) is re-scored
/// inside its span with length penalties; if a segmentation into shorter words costs no more than the long
/// word plus its penalty, the parts are emitted and the long word is stacked over them (position length).
/// </remarks>
internal sealed class ViterbiSegmenter
{
    /// <summary>Commit the cheapest partial path after this many characters without a natural commit point.</summary>
    public const int MaxBacktraceGap = 1024;

    /// <summary>Longest unknown word grouped from characters of one category.</summary>
    public const int MaxUnknownWordLength = 1024;

    private const int SearchKanjiLength = 2;
    private const int SearchKanjiPenalty = 3000;
    private const int SearchOtherLength = 7;
    private const int SearchOtherPenalty = 1700;

    private readonly SystemDictionary _dictionary;
    private readonly UserDictionary? _userDictionary;
    private readonly bool _searchMode;
    private readonly bool _extendedMode;
    private readonly bool _discardPunctuation;
    private readonly bool _discardCompoundToken;
    private readonly int _kanjiClass;
    private readonly int _kanjiNumericClass;
    private readonly int _ngramWordId;
    private readonly int[] _rootChildren;
    private readonly BestPredecessorCache _bestPredecessor;

    private readonly InputWindow _input = new();
    private readonly LatticePositions _positions = new();
    private readonly List<PendingToken> _pending = [];
    private readonly List<(int End, int Phrase)> _userMatches = [];

    private int _pos;
    private int _lastBackTracePos;
    private int _unknownWordEndIndex;
    private bool _finished;

    public ViterbiSegmenter(SystemDictionary dictionary, UserDictionary? userDictionary, JapaneseTokenizerMode mode,
        bool discardPunctuation, bool discardCompoundToken)
    {
        _dictionary = dictionary;
        _userDictionary = userDictionary is { IsEmpty: false } ? userDictionary : null;
        _searchMode = mode is JapaneseTokenizerMode.Search or JapaneseTokenizerMode.Extended;
        _extendedMode = mode == JapaneseTokenizerMode.Extended;
        _discardPunctuation = discardPunctuation;
        // Like Kuromoji, EXTENDED mode splits compounds but emits only the parts.
        _discardCompoundToken = discardCompoundToken || _extendedMode;
        _kanjiClass = dictionary.CategoryIndex("KANJI");
        _kanjiNumericClass = dictionary.CategoryIndex("KANJINUMERIC");
        _ngramWordId = dictionary.UnknownStart[dictionary.CategoryIndex(SystemDictionary.NgramCategory)];
        _rootChildren = dictionary.RootChildren;
        _bestPredecessor = new BestPredecessorCache(dictionary.LeftSize);
    }

    /// <summary>Capacity of the input window, which stays bounded on long input.</summary>
    public int InputCapacity => _input.Capacity;

    /// <summary>Characters consumed so far (the end offset once the input is exhausted).</summary>
    public int Position => _pos;

    public void Reset(TextReader reader)
    {
        _input.Reset(reader);
        _positions.Clear();
        _pending.Clear();
        _pos = 0;
        _lastBackTracePos = 0;
        _unknownWordEndIndex = -1;
        _finished = false;
        // Beginning of sentence: context id 0, cost 0.
        _positions[0].Add(0, 0, -1, -1, -1, WordType.Known);
    }

    /// <summary>Next token in text order, or false at the end of the input.</summary>
    public bool TryNext(out PendingToken token)
    {
        while (_pending.Count == 0)
        {
            if (_finished)
            {
                token = default;
                return false;
            }

            Parse();
        }

        token = _pending[^1];
        _pending.RemoveAt(_pending.Count - 1);
        return true;
    }

    public ReadOnlySpan<char> SurfaceSpan(in PendingToken token) => _input.Slice(token.Start, token.Length);

    /// <summary>True for characters Kuromoji treats as punctuation (dropped when discarding punctuation).</summary>
    public static bool IsPunctuation(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.OtherPunctuation
            or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation => true,
        _ => false,
    };

    /// <summary>Extends the lattice until some tokens are committed or the input ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Parse()
    {
        // Tokens handed out so far lie before the last commit point: their characters and boundaries can go.
        _input.FreeBefore(_lastBackTracePos);
        _positions.FreeBefore(_lastBackTracePos);

        while (_input.Get(_pos) != -1)
        {
            var posData = _positions[_pos];
            var isFrontier = _positions.MaxAllocated == _pos;
            if (posData.Count == 0)
            {
                // No path reaches this boundary (it lies inside a grouped word).
                _pos++;
                continue;
            }

            if (_pos > _lastBackTracePos && posData.Count == 1 && isFrontier)
            {
                // A single surviving arc that no other arc jumps over: every best path goes through it.
                Backtrace(posData, 0);
                posData.Costs[0] = 0;
                if (_pending.Count > 0)
                {
                    return;
                }
            }

            if (_pos - _lastBackTracePos >= MaxBacktraceGap)
            {
                ForceBacktrace();
                if (_pending.Count > 0)
                {
                    return;
                }

                continue;
            }

            AddArcs(posData);
            _pos++;
        }

        // End of input: pick the cheapest arc into the end, counting its connection to end-of-sentence (id 0).
        var end = _positions[_pos];
        var leastCost = int.MaxValue;
        var leastIndex = -1;
        for (var i = 0; i < end.Count; i++)
        {
            var cost = end.Costs[i] + _dictionary.Cost(end.RightIds[i], 0);
            if (cost < leastCost)
            {
                leastCost = cost;
                leastIndex = i;
            }
        }

        if (leastIndex >= 0)
        {
            Backtrace(end, leastIndex);
        }

        _finished = true;
    }

    /// <summary>Commits the cheapest partial path seen so far and forgets every other one.</summary>
    private void ForceBacktrace()
    {
        LatticePosition? least = null;
        var leastIndex = -1;
        var leastCost = int.MaxValue;
        for (var p = _pos; p <= _positions.MaxAllocated; p++)
        {
            var posData = _positions[p];
            for (var i = 0; i < posData.Count; i++)
            {
                if (posData.Costs[i] < leastCost)
                {
                    leastCost = posData.Costs[i];
                    leastIndex = i;
                    least = posData;
                }
            }
        }

        for (var p = _pos; p <= _positions.MaxAllocated; p++)
        {
            var posData = _positions[p];
            if (posData != least)
            {
                posData.Reset(p);
            }
            else
            {
                posData.KeepOnly(leastIndex);
            }
        }

        Backtrace(least!, 0);
        least!.Costs[0] = 0;
        if (least.Pos > _pos)
        {
            _pos = least.Pos;
        }
    }

    /// <summary>Adds every word starting at this boundary: user phrases, else dictionary words, and unknown words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddArcs(LatticePosition posData)
    {
        _bestPredecessor.Forget();
        var pos = _pos;
        var anyMatches = false;
        if (_userDictionary is not null)
        {
            _userMatches.Clear();
            _userDictionary.Match(_input, pos, _userMatches);
            foreach (var (end, phrase) in _userMatches)
            {
                Add(posData, end, phrase, WordType.User, addPenalty: false);
                anyMatches = true;
            }
        }

        // User phrases take priority: where one starts, dictionary words are not proposed.
        if (!anyMatches)
        {
            anyMatches = AddDictionaryWords(posData, pos);
        }

        // Normal mode does not start a new unknown word inside one already proposed.
        if (!_searchMode && _unknownWordEndIndex > pos)
        {
            return;
        }

        var first = (char)_input.Get(pos);
        var characterClass = _dictionary.CharacterClass[first];
        var category = _dictionary.Categories[characterClass];
        if (anyMatches && !category.Invoke)
        {
            return;
        }

        // Kuromoji proposes one unknown length per boundary: the whole run of the same category (and the same
        // punctuation-ness) when the category groups, else a single character; char.def's LENGTH is not used.
        var length = 1;
        if (category.Group)
        {
            var isPunctuation = IsPunctuation(first);
            for (var ahead = pos + 1; length < MaxUnknownWordLength; ahead++)
            {
                var c = _input.Get(ahead);
                if (c == -1 || _dictionary.CharacterClass[c] != characterClass || IsPunctuation((char)c) != isPunctuation)
                {
                    break;
                }

                length++;
            }
        }

        // EXTENDED mode, unlike SEARCH mode, already charges the long-word penalties while building the lattice
        // (observed from the reference: a long unknown katakana run loses to the dictionary words inside it).
        for (var id = _dictionary.UnknownStart[characterClass]; id < _dictionary.UnknownStart[characterClass + 1]; id++)
        {
            Add(posData, pos + length, id, WordType.Unknown, addPenalty: _extendedMode);
        }

        _unknownWordEndIndex = pos + length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AddDictionaryWords(LatticePosition posData, int pos)
    {
        var first = _input.Get(pos);
        if (first == -1)
        {
            return false;
        }

        // The first character indexes the root's children directly; deeper nodes have few children.
        var node = _rootChildren[first];
        if (node < 0)
        {
            return false;
        }

        var any = false;
        // Locals: the JIT cannot keep fields of the dictionary in registers across the calls below.
        var labels = _dictionary.NodeLabel;
        var wordCounts = _dictionary.NodeWordCount;
        var wordStarts = _dictionary.NodeWordStart;
        var childStarts = _dictionary.NodeChildStart;
        var childCounts = _dictionary.NodeChildCount;
        var leftIds = _dictionary.LeftIds;
        var rightIds = _dictionary.RightIds;
        var costs = _dictionary.Costs;
        for (var ahead = pos; ; )
        {
            var count = wordCounts[node];
            if (count > 0)
            {
                // The words of one trie node share their surface, hence their end boundary.
                var end = _positions[ahead + 1];
                var start = wordStarts[node];
                for (var id = start; id < start + count; id++)
                {
                    var (cost, backIndex) = _bestPredecessor.Find(posData, leftIds[id], _dictionary);
                    cost += costs[id];
                    if (_extendedMode)
                    {
                        cost += Penalty(pos, ahead + 1 - pos);
                    }

                    end.Add(cost, rightIds[id], pos, backIndex, id, WordType.Known);
                }

                any = true;
            }

            ahead++;
            var c = _input.Get(ahead);
            if (c == -1)
            {
                break;
            }

            // Binary search among the node's children, which are stored sorted by label.
            var lo = childStarts[node];
            var hi = lo + childCounts[node] - 1;
            var found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var label = labels[mid];
                if (label < c)
                {
                    lo = mid + 1;
                }
                else if (label > c)
                {
                    hi = mid - 1;
                }
                else
                {
                    found = mid;
                    break;
                }
            }

            if (found < 0)
            {
                break;
            }

            node = found;
        }

        return any;
    }

    private int LeftId(WordType type, int wordId) =>
        type == WordType.User ? UserDictionary.ContextId : _dictionary.LeftIds[wordId];

    private int RightId(WordType type, int wordId) =>
        type == WordType.User ? UserDictionary.ContextId : _dictionary.RightIds[wordId];

    private int WordCost(WordType type, int wordId) =>
        type == WordType.User ? UserDictionary.PhraseCost : _dictionary.Costs[wordId];

    /// <summary>Adds an arc from <paramref name="from"/> to <paramref name="endPos"/>, linked to the cheapest arc arriving at <paramref name="from"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(LatticePosition from, int endPos, int wordId, WordType type, bool addPenalty)
    {
        var leftId = LeftId(type, wordId);
        var (leastCost, leastIndex) = _bestPredecessor.Find(from, leftId, _dictionary);
        leastCost += WordCost(type, wordId);
        if (addPenalty && type != WordType.User)
        {
            leastCost += Penalty(from.Pos, endPos - from.Pos);
        }

        _positions[endPos].Add(leastCost, RightId(type, wordId), from.Pos, leastIndex, wordId, type);
    }

    /// <summary>Search-mode penalty of a word: per character beyond 2 for all-kanji words, beyond 7 for others.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Penalty(int pos, int length)
    {
        if (length <= SearchKanjiLength)
        {
            return 0;
        }

        var allKanji = true;
        for (var i = 0; i < length; i++)
        {
            // Kanji numerals (一, 十, 百…) count as kanji here, so 一体化 is a long kanji word.
            var characterClass = _dictionary.CharacterClass[_input.Get(pos + i)];
            if (characterClass != _kanjiClass && characterClass != _kanjiNumericClass)
            {
                allKanji = false;
                break;
            }
        }

        if (allKanji)
        {
            return (length - SearchKanjiLength) * SearchKanjiPenalty;
        }

        return length > SearchOtherLength ? (length - SearchOtherLength) * SearchOtherPenalty : 0;
    }

    /// <summary>Walks the best path back from <paramref name="endPosData"/> to the last commit point, queueing its tokens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backtrace(LatticePosition endPosData, int fromIndex)
    {
        var endPos = endPosData.Pos;
        if (endPos == _lastBackTracePos)
        {
            return;
        }

        var pos = endPos;
        var bestIndex = fromIndex;
        // The left context of the word after the one being back-traced (-1: none). As the reference does (observed:
        // it is what makes EXTENDED mode agree with it), in EXTENDED mode the end of the input is a following word
        // of context id 0 when deciding whether to split the last word; in the other modes nothing follows it.
        var lastLeftId = _extendedMode && endPos == _pos && _input.Get(endPos) == -1 ? 0 : -1;
        var backCount = 0;
        PendingToken compound = default;
        var hasCompound = false;

        while (pos > _lastBackTracePos)
        {
            var posData = _positions[pos];
            var backPos = posData.BackPos[bestIndex];
            var length = pos - backPos;
            var backType = posData.Types[bestIndex];
            var backId = posData.WordIds[bestIndex];
            var nextBestIndex = posData.BackIndex[bestIndex];

            if (_searchMode && !hasCompound && backType != WordType.User)
            {
                var penalty = Penalty(backPos, length);
                if (penalty > 0)
                {
                    // The threshold: the long word's own cost plus its penalty (and its link to the next word).
                    var maxCost = posData.Costs[bestIndex] + penalty;
                    if (lastLeftId != -1)
                    {
                        maxCost += _dictionary.Cost(RightId(backType, backId), lastLeftId);
                    }

                    Rescore(backPos, pos, nextBestIndex);

                    var leastCost = int.MaxValue;
                    var leastIndex = -1;
                    for (var i = 0; i < posData.Count; i++)
                    {
                        var cost = posData.Costs[i];
                        if (lastLeftId != -1)
                        {
                            cost += _dictionary.Cost(posData.RightIds[i], lastLeftId);
                        }

                        if (cost < leastCost)
                        {
                            leastCost = cost;
                            leastIndex = i;
                        }
                    }

                    if (leastIndex != -1 && leastCost <= maxCost && posData.BackPos[leastIndex] != backPos)
                    {
                        compound = new PendingToken { Start = backPos, Length = length, WordId = backId, Type = backType, PositionLength = 1 };
                        hasCompound = true;
                        bestIndex = leastIndex;
                        nextBestIndex = posData.BackIndex[bestIndex];
                        backPos = posData.BackPos[bestIndex];
                        length = pos - backPos;
                        backType = posData.Types[bestIndex];
                        backId = posData.WordIds[bestIndex];
                        backCount = 0;
                    }
                }
            }

            if (hasCompound && compound.Start >= backPos)
            {
                // Back at the compound's start: queue it before its first part, so it is handed out right after
                // that part, at the same position, spanning all the parts.
                if (backCount > 0 && !_discardCompoundToken)
                {
                    compound.PositionLength = backCount + 1;
                    _pending.Add(compound);
                }

                if (backCount > 0)
                {
                    backCount++;
                }

                hasCompound = false;
            }

            if (backType == WordType.User)
            {
                backCount += QueueUserPhrase(pos, backId);
            }
            else if (_extendedMode && backType == WordType.Unknown)
            {
                // EXTENDED mode: unknown words become unigrams (a surrogate pair stays one unigram).
                for (var i = length - 1; i >= 0; i--)
                {
                    var charLength = 1;
                    if (i > 0 && char.IsLowSurrogate((char)_input.Get(backPos + i)))
                    {
                        i--;
                        charLength = 2;
                    }

                    if (!_discardPunctuation || !IsPunctuation((char)_input.Get(backPos + i)))
                    {
                        _pending.Add(new PendingToken { Start = backPos + i, Length = charLength, WordId = _ngramWordId, Type = WordType.Unknown, PositionLength = 1 });
                        backCount++;
                    }
                }
            }
            else if (!_discardPunctuation || length == 0 || !IsPunctuation((char)_input.Get(backPos)))
            {
                _pending.Add(new PendingToken { Start = backPos, Length = length, WordId = backId, Type = backType, PositionLength = 1 });
                backCount++;
            }

            lastLeftId = LeftId(backType, backId);
            pos = backPos;
            bestIndex = nextBestIndex;
        }

        _lastBackTracePos = endPos;
    }

    /// <summary>Queues the segments of the user phrase ending at <paramref name="end"/>, last first (the queue is read from its end); returns how many.</summary>
    private int QueueUserPhrase(int end, int phrase)
    {
        // Runs for every occurrence of a user phrase (the product's domain words are frequent), so it allocates nothing.
        var (firstWordId, lengths) = _userDictionary!.Segments(phrase);
        var span = lengths.Span;
        for (var i = span.Length - 1; i >= 0; i--)
        {
            end -= span[i];
            _pending.Add(new PendingToken { Start = end, Length = span[i], WordId = firstWordId + i, Type = WordType.User, PositionLength = 1 });
        }

        return span.Length;
    }

    /// <summary>
    /// Re-runs Viterbi over the arcs lying inside [<paramref name="startPos"/>, <paramref name="endPos"/>],
    /// with search-mode penalties, starting from the best path's arc into <paramref name="startPos"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rescore(int startPos, int endPos, int bestStartIndex)
    {
        // Collect the arcs inside the span as forward arcs of their start boundary, forgetting the old scores.
        for (var p = endPos; p > startPos; p--)
        {
            var posData = _positions[p];
            for (var i = 0; i < posData.Count; i++)
            {
                if (posData.BackPos[i] >= startPos)
                {
                    _positions[posData.BackPos[i]].AddForward(p, posData.WordIds[i], posData.Types[i]);
                }
            }

            posData.Count = 0;
        }

        for (var p = startPos; p < endPos; p++)
        {
            var posData = _positions[p];
            if (posData.Count == 0)
            {
                posData.ForwardCount = 0;
                continue;
            }

            if (p == startPos)
            {
                // Only the best path's arc into the span's start counts, so the parts are scored in its context.
                var rightId = posData.RightIds[bestStartIndex];
                var pathCost = posData.Costs[bestStartIndex];
                for (var f = 0; f < posData.ForwardCount; f++)
                {
                    var type = posData.ForwardType[f];
                    var wordId = posData.ForwardWordId[f];
                    var to = posData.ForwardEnd[f];
                    var cost = pathCost + WordCost(type, wordId) + _dictionary.Cost(rightId, LeftId(type, wordId)) + Penalty(p, to - p);
                    _positions[to].Add(cost, RightId(type, wordId), p, bestStartIndex, wordId, type);
                }
            }
            else
            {
                _bestPredecessor.Forget();
                for (var f = 0; f < posData.ForwardCount; f++)
                {
                    Add(posData, posData.ForwardEnd[f], posData.ForwardWordId[f], posData.ForwardType[f], addPenalty: true);
                }
            }

            posData.ForwardCount = 0;
        }
    }

    /// <summary>The word source answering feature look-ups for a token.</summary>
    public IWordSource SourceOf(in PendingToken token) =>
        token.Type == WordType.User ? _userDictionary! : _dictionary;
}
