using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Ingest.Japanese.Dictionary;

/// <summary>
/// The compiled IPADIC dictionary: connection costs (matrix.def), character categories (char.def),
/// unknown-word entries (unk.def) and known words (the CSV files) indexed by a prefix trie over their surfaces.
/// Immutable once built; safe to share between threads.
/// </summary>
/// <remarks>
/// Word ids 0..KnownWordCount-1 are dictionary words, the following ids are unknown-word entries of unk.def,
/// grouped by character category. Feature strings (part of speech, base form, reading…) live in one string
/// pool and are materialised only when an attribute asks for them.
/// </remarks>
internal sealed class SystemDictionary : IWordSource
{
    private const uint Magic = 0x314A4749; // "IGJ1"
    private const int FormatVersion = 1;

    /// <summary>Guard against a corrupt file asking for absurd allocations.</summary>
    private const int MaxArrayLength = 64 * 1024 * 1024;

    /// <summary>The pseudo-category the compiler adds for EXTENDED mode unigrams: no character maps to it.</summary>
    public const string NgramCategory = "NGRAM";

    public required int LeftSize { get; init; }
    public required int RightSize { get; init; }

    /// <summary>Connection cost, indexed [rightIdOfPrevious * LeftSize + leftIdOfNext].</summary>
    public required short[] Connection { get; init; }

    /// <summary>Category index of every UTF-16 code unit.</summary>
    public required byte[] CharacterClass { get; init; }

    public required CharacterCategory[] Categories { get; init; }

    /// <summary>For category c, unknown word ids are [UnknownStart[c], UnknownStart[c + 1]).</summary>
    public required int[] UnknownStart { get; init; }

    public required int KnownWordCount { get; init; }
    public required short[] LeftIds { get; init; }
    public required short[] RightIds { get; init; }
    public required short[] Costs { get; init; }

    /// <summary>Feature strings of every word, read from their own resource (in parallel with the rest) and awaited on first use.</summary>
    public required Lazy<FeatureTable> FeatureTable { get; init; }

    public required int[] NodeChildStart { get; init; }
    public required ushort[] NodeChildCount { get; init; }
    public required char[] NodeLabel { get; init; }
    public required int[] NodeWordStart { get; init; }
    public required ushort[] NodeWordCount { get; init; }

    private int[]? _rootChildren;

    /// <summary>
    /// The root's child node for every UTF-16 code unit (-1: no word starts with it). Every boundary of the lattice
    /// starts a walk at the root, whose thousands of children would otherwise be binary-searched each time.
    /// Built on first use from the trie (256 KB), not stored.
    /// </summary>
    public int[] RootChildren => _rootChildren ??= BuildRootChildren();

    private int[] BuildRootChildren()
    {
        var children = new int[char.MaxValue + 1];
        Array.Fill(children, -1);
        var start = NodeChildStart[0];
        for (var child = start; child < start + NodeChildCount[0]; child++)
        {
            children[NodeLabel[child]] = child;
        }

        return children;
    }

    public int Cost(int previousRightId, int nextLeftId) => Connection[previousRightId * LeftSize + nextLeftId];

    public int CategoryIndex(string name)
    {
        for (var i = 0; i < Categories.Length; i++)
        {
            if (Categories[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    public string? GetPartOfSpeech(int wordId) => FeatureTable.Value.Get(wordId, FeatureSlot.PartOfSpeech);
    public string? GetInflectionType(int wordId) => FeatureTable.Value.Get(wordId, FeatureSlot.InflectionType);
    public string? GetInflectionForm(int wordId) => FeatureTable.Value.Get(wordId, FeatureSlot.InflectionForm);
    public string? GetBaseForm(int wordId) => FeatureTable.Value.Get(wordId, FeatureSlot.BaseForm);
    public string? GetReading(int wordId) => FeatureTable.Value.Get(wordId, FeatureSlot.Reading);
    public string? GetPronunciation(int wordId) => FeatureTable.Value.Get(wordId, FeatureSlot.Pronunciation);

    /// <summary>Writes the segmentation tables (everything but the feature strings) in our compressed binary format.</summary>
    public void WriteCore(Stream output)
    {
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(LeftSize);
        writer.Write(RightSize);
        WriteArray(writer, Connection);
        WriteArray(writer, CharacterClass);
        writer.Write(Categories.Length);
        foreach (var category in Categories)
        {
            writer.Write(category.Name);
            writer.Write(category.Invoke);
            writer.Write(category.Group);
            writer.Write(category.Length);
        }

        WriteArray(writer, UnknownStart);
        writer.Write(KnownWordCount);
        WriteArray(writer, LeftIds);
        WriteArray(writer, RightIds);
        WriteArray(writer, Costs);
        WriteArray(writer, NodeChildStart);
        WriteArray(writer, NodeChildCount);
        WriteArray(writer, NodeLabel);
        WriteArray(writer, NodeWordStart);
        WriteArray(writer, NodeWordCount);
    }

    /// <summary>Reads the tables written by <see cref="WriteCore"/>; a wrong or damaged file gives an <see cref="InvalidDataException"/>.</summary>
    public static SystemDictionary ReadCore(Stream input, string sourceName, Lazy<FeatureTable> features)
    {
        try
        {
            using var brotli = new BrotliStream(input, CompressionMode.Decompress, leaveOpen: true);
            using var buffered = new BufferedStream(brotli, 1 << 16);
            using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException($"{sourceName}: not a compiled dictionary of format {FormatVersion}");
            }

            var leftSize = reader.ReadInt32();
            var rightSize = reader.ReadInt32();
            var connection = ReadArray<short>(reader);
            var characterClass = ReadArray<byte>(reader);
            var categoryCount = reader.ReadInt32();
            var categories = new CharacterCategory[categoryCount];
            for (var i = 0; i < categoryCount; i++)
            {
                categories[i] = new CharacterCategory(reader.ReadString(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadInt32());
            }

            var dictionary = new SystemDictionary
            {
                LeftSize = leftSize,
                RightSize = rightSize,
                Connection = connection,
                CharacterClass = characterClass,
                Categories = categories,
                UnknownStart = ReadArray<int>(reader),
                KnownWordCount = reader.ReadInt32(),
                LeftIds = ReadArray<short>(reader),
                RightIds = ReadArray<short>(reader),
                Costs = ReadArray<short>(reader),
                NodeChildStart = ReadArray<int>(reader),
                NodeChildCount = ReadArray<ushort>(reader),
                NodeLabel = ReadArray<char>(reader),
                NodeWordStart = ReadArray<int>(reader),
                NodeWordCount = ReadArray<ushort>(reader),
                FeatureTable = features,
            };
            if (connection.Length != leftSize * rightSize || characterClass.Length != 65536
                || dictionary.UnknownStart.Length != categoryCount + 1 || dictionary.Costs.Length != dictionary.LeftIds.Length)
            {
                throw new InvalidDataException($"{sourceName}: inconsistent table sizes");
            }

            return dictionary;
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"{sourceName}: truncated dictionary", exception);
        }
    }

    internal static void WriteArray<T>(BinaryWriter writer, T[] array)
        where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    internal static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > MaxArrayLength)
        {
            throw new InvalidDataException($"array length {length} out of range");
        }

        var array = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}

/// <summary>
/// The feature strings of every word (part of speech, inflection type and form, base form, reading, pronunciation)
/// as indices into one deduplicated string pool; strings are materialised once, on first request.
/// </summary>
internal sealed class FeatureTable
{
    private const uint Magic = 0x46474749; // "IGGF"

    /// <summary>Number of feature slots stored per word (one per <see cref="FeatureSlot"/>).</summary>
    public const int SlotCount = 6;

    private readonly int[] _features;
    private readonly char[] _poolChars;
    private readonly int[] _poolOffsets;
    private readonly string?[] _cache;

    /// <param name="features">Per word, <see cref="SlotCount"/> pool indices (-1 = none).</param>
    /// <param name="poolChars">All pooled strings, concatenated.</param>
    /// <param name="poolOffsets">Start of each pooled string in <paramref name="poolChars"/>, plus the end.</param>
    public FeatureTable(int[] features, char[] poolChars, int[] poolOffsets)
    {
        _features = features;
        _poolChars = poolChars;
        _poolOffsets = poolOffsets;
        _cache = new string?[poolOffsets.Length - 1];
    }

    public string? Get(int wordId, FeatureSlot slot)
    {
        var index = _features[wordId * SlotCount + (int)slot];
        if (index < 0)
        {
            return null;
        }

        var cached = Volatile.Read(ref _cache[index]);
        if (cached is null)
        {
            cached = new string(_poolChars, _poolOffsets[index], _poolOffsets[index + 1] - _poolOffsets[index]);
            Volatile.Write(ref _cache[index], cached);
        }

        return cached;
    }

    public void Write(Stream output)
    {
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        SystemDictionary.WriteArray(writer, _features);
        SystemDictionary.WriteArray(writer, _poolChars);
        SystemDictionary.WriteArray(writer, _poolOffsets);
    }

    public static FeatureTable Read(Stream input, string sourceName)
    {
        try
        {
            using var brotli = new BrotliStream(input, CompressionMode.Decompress, leaveOpen: true);
            using var buffered = new BufferedStream(brotli, 1 << 16);
            using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{sourceName}: not a compiled feature table");
            }

            return new FeatureTable(SystemDictionary.ReadArray<int>(reader), SystemDictionary.ReadArray<char>(reader), SystemDictionary.ReadArray<int>(reader));
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"{sourceName}: truncated feature table", exception);
        }
    }
}

/// <summary>Where each feature of a word sits in its <see cref="FeatureTable"/> row: the compiler writes and the tokenizer reads by these.</summary>
internal enum FeatureSlot
{
    PartOfSpeech,
    InflectionType,
    InflectionForm,
    BaseForm,
    Reading,
    Pronunciation,
}

/// <summary>One char.def category: whether unknown words are always proposed (INVOKE), grouped (GROUP), and the LENGTH column.</summary>
internal sealed record CharacterCategory(string Name, bool Invoke, bool Group, int Length);

/// <summary>Looks up the features of a word id, for the token attributes.</summary>
internal interface IWordSource
{
    string? GetPartOfSpeech(int wordId);
    string? GetInflectionType(int wordId);
    string? GetInflectionForm(int wordId);
    string? GetBaseForm(int wordId);
    string? GetReading(int wordId);
    string? GetPronunciation(int wordId);
}
