using System.Runtime.CompilerServices;
using Ingest.Japanese.Dictionary;

namespace Ingest.Japanese.Tokenization;

/// <summary>Which dictionary a lattice arc's word id belongs to.</summary>
internal enum WordType : byte
{
    Known,
    Unknown,
    User,
}

/// <summary>A token decided by the back-trace, waiting to be handed out by the tokenizer.</summary>
internal struct PendingToken
{
    /// <summary>Start in the whole input (UTF-16 units, before offset correction).</summary>
    public int Start;
    public int Length;
    public int WordId;
    public WordType Type;

    /// <summary>How many positions a compound token spans (1 for ordinary tokens).</summary>
    public int PositionLength;
}

/// <summary>
/// One character boundary of the lattice: every arc (word) arriving here with the best path cost through it,
/// its right context id and a back pointer (start boundary and the index of the best arc arriving there).
/// Also holds the forward arcs used while re-scoring a span in search mode.
/// </summary>
internal sealed class LatticePosition
{
    public int Pos;
    public int Count;
    public int[] Costs = new int[8];
    public int[] RightIds = new int[8];
    public int[] BackPos = new int[8];
    public int[] BackIndex = new int[8];
    public int[] WordIds = new int[8];
    public WordType[] Types = new WordType[8];

    public int ForwardCount;
    public int[] ForwardEnd = new int[4];
    public int[] ForwardWordId = new int[4];
    public WordType[] ForwardType = new WordType[4];

    public void Add(int cost, int rightId, int backPos, int backIndex, int wordId, WordType type)
    {
        if (Count == Costs.Length)
        {
            var size = Count * 2;
            Array.Resize(ref Costs, size);
            Array.Resize(ref RightIds, size);
            Array.Resize(ref BackPos, size);
            Array.Resize(ref BackIndex, size);
            Array.Resize(ref WordIds, size);
            Array.Resize(ref Types, size);
        }

        Costs[Count] = cost;
        RightIds[Count] = rightId;
        BackPos[Count] = backPos;
        BackIndex[Count] = backIndex;
        WordIds[Count] = wordId;
        Types[Count] = type;
        Count++;
    }

    public void AddForward(int end, int wordId, WordType type)
    {
        if (ForwardCount == ForwardEnd.Length)
        {
            var size = ForwardCount * 2;
            Array.Resize(ref ForwardEnd, size);
            Array.Resize(ref ForwardWordId, size);
            Array.Resize(ref ForwardType, size);
        }

        ForwardEnd[ForwardCount] = end;
        ForwardWordId[ForwardCount] = wordId;
        ForwardType[ForwardCount] = type;
        ForwardCount++;
    }

    /// <summary>Keeps only arc <paramref name="index"/>, as arc 0.</summary>
    public void KeepOnly(int index)
    {
        Costs[0] = Costs[index];
        RightIds[0] = RightIds[index];
        BackPos[0] = BackPos[index];
        BackIndex[0] = BackIndex[index];
        WordIds[0] = WordIds[index];
        Types[0] = Types[index];
        Count = 1;
    }

    public void Reset(int pos)
    {
        Pos = pos;
        Count = 0;
        ForwardCount = 0;
    }
}

/// <summary>
/// The cheapest arc into one boundary for a given left context id. Every word starting at a boundary needs it, and
/// words starting there often share their left id (homographs, the several unknown-word entries of a category,
/// words of the same part of speech), so each left id is computed once per boundary instead of once per word.
/// </summary>
internal sealed class BestPredecessorCache
{
    private readonly int[] _generationOf;
    private readonly int[] _cost;
    private readonly int[] _index;
    private int _generation = 1;

    public BestPredecessorCache(int leftSize)
    {
        // Room for the user dictionary's fixed context id too, whatever the matrix size.
        var size = Math.Max(leftSize, UserDictionary.ContextId + 1);
        _generationOf = new int[size];
        _cost = new int[size];
        _index = new int[size];
    }

    /// <summary>Call before adding the arcs of another boundary, or after the arcs into the current one changed.</summary>
    public void Forget()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_generationOf);
            _generation = 1;
        }
    }

    /// <summary>The cheapest path cost into <paramref name="from"/> plus the connection to <paramref name="leftId"/>, and that arc's index (ties: the earlier arc).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Cost, int Index) Find(LatticePosition from, int leftId, SystemDictionary dictionary)
    {
        if (_generationOf[leftId] == _generation)
        {
            return (_cost[leftId], _index[leftId]);
        }

        var leastCost = int.MaxValue;
        var leastIndex = -1;
        var connection = dictionary.Connection;
        var leftSize = dictionary.LeftSize;
        var costs = from.Costs;
        var rightIds = from.RightIds;
        var count = from.Count;
        for (var i = 0; i < count; i++)
        {
            // Ties keep the earlier arc, as the reference does.
            var cost = costs[i] + connection[rightIds[i] * leftSize + leftId];
            if (cost < leastCost)
            {
                leastCost = cost;
                leastIndex = i;
            }
        }

        _generationOf[leftId] = _generation;
        _cost[leftId] = leastCost;
        _index[leftId] = leastIndex;
        return (leastCost, leastIndex);
    }
}

/// <summary>
/// The lattice boundaries still needed, from the last committed boundary on; boundaries before it are
/// recycled so memory stays bounded on long input.
/// </summary>
internal sealed class LatticePositions
{
    private readonly List<LatticePosition> _live = [];
    private readonly Stack<LatticePosition> _free = new();
    private int _base;

    /// <summary>The furthest boundary allocated so far (arc ends included).</summary>
    public int MaxAllocated { get; private set; } = -1;

    public LatticePosition this[int pos]
    {
        get
        {
            var index = pos - _base;
            while (_live.Count <= index)
            {
                var position = _free.Count > 0 ? _free.Pop() : new LatticePosition();
                position.Reset(_base + _live.Count);
                _live.Add(position);
            }

            if (pos > MaxAllocated)
            {
                MaxAllocated = pos;
            }

            return _live[index];
        }
    }

    /// <summary>Recycles every boundary before <paramref name="pos"/>.</summary>
    public void FreeBefore(int pos)
    {
        var count = Math.Min(pos - _base, _live.Count);
        if (count <= 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            _free.Push(_live[i]);
        }

        _live.RemoveRange(0, count);
        _base += count;
    }

    public void Clear()
    {
        FreeBefore(int.MaxValue);
        _live.Clear();
        _base = 0;
        MaxAllocated = -1;
    }
}

/// <summary>
/// Reads the input on demand and keeps only the characters from the last committed boundary on, so a long
/// input is never held whole.
/// </summary>
internal sealed class InputWindow
{
    private const int ReadBlock = 4096;

    private TextReader? _reader;
    private char[] _data = new char[ReadBlock * 2];
    private int _start;
    private int _length;
    private bool _eof;

    public void Reset(TextReader reader)
    {
        _reader = reader;
        _start = 0;
        _length = 0;
        _eof = false;
    }

    /// <summary>The character at absolute position <paramref name="pos"/>, or -1 past the end of the input.</summary>
    public int Get(int pos)
    {
        var index = pos - _start;
        while (index >= _length)
        {
            if (_eof || !Fill())
            {
                return -1;
            }
        }

        return _data[index];
    }

    /// <summary>Characters the window can hold before growing (for tests of bounded memory).</summary>
    public int Capacity => _data.Length;

    public ReadOnlySpan<char> Slice(int pos, int length) => _data.AsSpan(pos - _start, length);

    /// <summary>Drops characters before <paramref name="pos"/>.</summary>
    public void FreeBefore(int pos)
    {
        var drop = Math.Min(pos - _start, _length);
        if (drop <= 0 || drop < _data.Length / 2)
        {
            return;
        }

        Array.Copy(_data, drop, _data, 0, _length - drop);
        _length -= drop;
        _start += drop;
    }

    private bool Fill()
    {
        if (_length + ReadBlock > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + ReadBlock));
        }

        var read = _reader!.Read(_data, _length, ReadBlock);
        if (read <= 0)
        {
            _eof = true;
            return false;
        }

        _length += read;
        return true;
    }
}
