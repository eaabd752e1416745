using System.Globalization;
using System.Text;
using Ingest.Japanese.Dictionary;

namespace Ingest.Japanese.DictionaryCompiler;

/// <summary>
/// Reads the mecab-ipadic source folder (CSV word lists in EUC-JP, matrix.def, char.def, unk.def) and builds
/// the <see cref="SystemDictionary"/> tables.
/// </summary>
/// <remarks>
/// Word order matters for tie-breaking in the Viterbi search: CSV files are read in ordinal file-name order and
/// the words are then stably sorted by surface (UTF-16 ordinal), so that entries sharing a surface keep the
/// order in which the source lists them, as the reference analyzer's dictionary does.
/// </remarks>
internal static class IpadicCompiler
{
    private static readonly Encoding s_eucJp = CreateEucJp();

    private static Encoding CreateEucJp()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("euc-jp");
    }

    public static SystemDictionary Compile(string directory)
    {
        var (leftSize, rightSize, connection) = ReadMatrix(Path.Combine(directory, "matrix.def"));
        var (categories, characterClass) = ReadCharDef(Path.Combine(directory, "char.def"));
        var words = new List<SourceWord>(400_000);
        foreach (var csv in Directory.GetFiles(directory, "*.csv").Order(StringComparer.Ordinal))
        {
            ReadCsv(csv, words);
        }

        // List.Sort is not stable: sort by (surface, reading order) explicitly.
        var order = Enumerable.Range(0, words.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var bySurface = string.CompareOrdinal(words[a].Surface, words[b].Surface);
            return bySurface != 0 ? bySurface : a.CompareTo(b);
        });
        var sorted = order.Select(i => words[i]).ToList();

        var unknown = ReadUnknown(Path.Combine(directory, "unk.def"), categories);
        var pool = new StringPool();
        var total = sorted.Count + unknown.Sum(list => list.Count);
        var leftIds = new short[total];
        var rightIds = new short[total];
        var costs = new short[total];
        var features = new int[total * FeatureTable.SlotCount];
        var id = 0;
        foreach (var word in sorted)
        {
            Store(word, id++);
        }

        var unknownStart = new int[categories.Count + 1];
        for (var c = 0; c < categories.Count; c++)
        {
            unknownStart[c] = id;
            foreach (var word in unknown[c])
            {
                Store(word, id++);
            }
        }

        unknownStart[categories.Count] = id;

        void Store(SourceWord word, int wordId)
        {
            leftIds[wordId] = checked((short)word.LeftId);
            rightIds[wordId] = checked((short)word.RightId);
            costs[wordId] = checked((short)word.Cost);
            Feature(FeatureSlot.PartOfSpeech) = pool.Add(word.PartOfSpeech);
            Feature(FeatureSlot.InflectionType) = word.InflectionType == "*" ? -1 : pool.Add(word.InflectionType);
            Feature(FeatureSlot.InflectionForm) = word.InflectionForm == "*" ? -1 : pool.Add(word.InflectionForm);
            // Like the reference, a base form equal to the surface is not stored: the base-form filter keeps the term.
            Feature(FeatureSlot.BaseForm) = word.BaseForm == "*" || word.BaseForm == word.Surface ? -1 : pool.Add(word.BaseForm);
            Feature(FeatureSlot.Reading) = word.Reading == "*" ? -1 : pool.Add(word.Reading);
            Feature(FeatureSlot.Pronunciation) = word.Pronunciation == "*" ? -1 : pool.Add(word.Pronunciation);

            ref int Feature(FeatureSlot slot) => ref features[wordId * FeatureTable.SlotCount + (int)slot];
        }

        var trie = TrieBuilder.Build(sorted.Select(w => w.Surface).ToList());
        var (poolChars, poolOffsets) = pool.ToArrays();
        var featureTable = new FeatureTable(features, poolChars, poolOffsets);
        return new SystemDictionary
        {
            LeftSize = leftSize,
            RightSize = rightSize,
            Connection = connection,
            CharacterClass = characterClass,
            Categories = categories.ToArray(),
            UnknownStart = unknownStart,
            KnownWordCount = sorted.Count,
            LeftIds = leftIds,
            RightIds = rightIds,
            Costs = costs,
            FeatureTable = new Lazy<FeatureTable>(featureTable),
            NodeChildStart = trie.ChildStart,
            NodeChildCount = ToUInt16(trie.ChildCount, "children of a trie node"),
            NodeLabel = trie.Label,
            NodeWordStart = trie.WordStart,
            NodeWordCount = ToUInt16(trie.WordCount, "words sharing a surface"),
        };
    }

    private static ushort[] ToUInt16(int[] values, string what) =>
        values.Select(v => v <= ushort.MaxValue ? (ushort)v : throw new InvalidDataException($"too many {what}: {v}")).ToArray();

    private static (int Left, int Right, short[] Costs) ReadMatrix(string path)
    {
        using var reader = new StreamReader(path, Encoding.ASCII);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // matrix.def header: "<number of right ids> <number of left ids>"; each line "<right id of previous> <left id of next> <cost>".
        var rightSize = int.Parse(header[0], CultureInfo.InvariantCulture);
        var leftSize = int.Parse(header[1], CultureInfo.InvariantCulture);
        var costs = new short[rightSize * leftSize];
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length != 3)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 3 numbers");
            }

            var right = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var left = int.Parse(parts[1], CultureInfo.InvariantCulture);
            costs[right * leftSize + left] = short.Parse(parts[2], CultureInfo.InvariantCulture);
        }

        return (leftSize, rightSize, costs);
    }

    private static (List<CharacterCategory> Categories, byte[] Classes) ReadCharDef(string path)
    {
        var categories = new List<CharacterCategory>();
        var classes = new byte[65536];
        var lineNumber = 0;
        var ranges = new List<(int From, int To, string Category)>();
        foreach (var raw in File.ReadLines(path, s_eucJp))
        {
            lineNumber++;
            var hash = raw.IndexOf('#');
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith("0x", StringComparison.Ordinal))
            {
                // "0xAAAA[..0xBBBB] CATEGORY [COMPATIBLE…]": only the first category classifies the character.
                var bounds = parts[0].Split("..");
                var from = Convert.ToInt32(bounds[0], 16);
                var to = bounds.Length > 1 ? Convert.ToInt32(bounds[1], 16) : from;
                ranges.Add((from, to, parts[1]));
            }
            else
            {
                if (parts.Length < 4)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: category line needs NAME INVOKE GROUP LENGTH");
                }

                categories.Add(new CharacterCategory(parts[0], parts[1] == "1", parts[2] == "1", int.Parse(parts[3], CultureInfo.InvariantCulture)));
            }
        }

        categories.Add(new CharacterCategory(SystemDictionary.NgramCategory, false, false, 0));
        var defaultIndex = categories.FindIndex(c => c.Name == "DEFAULT");
        Array.Fill(classes, checked((byte)defaultIndex));
        // Later lines override earlier ones (char.def lists the kanji numerals after the kanji block, for instance).
        foreach (var (from, to, name) in ranges)
        {
            var index = categories.FindIndex(c => c.Name == name);
            if (index < 0)
            {
                throw new InvalidDataException($"{path}: undefined category {name}");
            }

            for (var code = from; code <= to && code < 65536; code++)
            {
                classes[code] = (byte)index;
            }
        }

        return (categories, classes);
    }

    private static List<SourceWord>[] ReadUnknown(string path, List<CharacterCategory> categories)
    {
        var result = categories.Select(_ => new List<SourceWord>()).ToArray();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, s_eucJp))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            var index = categories.FindIndex(c => c.Name == fields[0]);
            if (index < 0 || fields.Length < 11)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: unknown category or too few fields");
            }

            result[index].Add(ParseWord(fields, path, lineNumber));
        }

        // Unigrams of EXTENDED mode are tagged like an unknown symbol.
        var ngram = categories.FindIndex(c => c.Name == SystemDictionary.NgramCategory);
        result[ngram].Add(ParseWord($"{SystemDictionary.NgramCategory},5,5,-32768,記号,一般,*,*,*,*,*".Split(','), path, 0));
        return result;
    }

    /// <summary>
    /// Lines that distributions added to mecab-ipadic 2.7.0-20070801 after its release (Debian's 令和 patch of 2019).
    /// The reference analyzer's dictionary was built from the pristine release, so they are skipped; the product adds
    /// such words through its domain user dictionary instead.
    /// </summary>
    public static readonly IReadOnlySet<string> DistributionAdditions = new HashSet<string>(StringComparer.Ordinal)
    {
        "令和,1288,1288,5904,名詞,固有名詞,一般,*,*,*,令和,レイワ,レイワ",
    };

    /// <summary>
    /// The seven JIS X 0208 code points that .NET's EUC-JP decoder maps to Microsoft's variants (FULLWIDTH TILDE,
    /// FULLWIDTH HYPHEN-MINUS…), while the reference analyzer's dictionary was decoded with the JIS0208 mapping
    /// (WAVE DASH, MINUS SIGN…). Found by decoding every two-byte EUC-JP sequence with both decoders.
    /// </summary>
    private static readonly Dictionary<char, char> s_jisRemap = new()
    {
        ['\u2015'] = '\u2014', // 0xA1BD HORIZONTAL BAR → EM DASH
        ['\uFF5E'] = '\u301C', // 0xA1C1 FULLWIDTH TILDE → WAVE DASH
        ['\u2225'] = '\u2016', // 0xA1C2 PARALLEL TO → DOUBLE VERTICAL LINE
        ['\uFF0D'] = '\u2212', // 0xA1DD FULLWIDTH HYPHEN-MINUS → MINUS SIGN
        ['\uFFE0'] = '\u00A2', // 0xA1F1 FULLWIDTH CENT SIGN → CENT SIGN
        ['\uFFE1'] = '\u00A3', // 0xA1F2 FULLWIDTH POUND SIGN → POUND SIGN
        ['\uFFE2'] = '\u00AC', // 0xA2CC FULLWIDTH NOT SIGN → NOT SIGN
    };

    private static string RemapJis(string line)
    {
        if (!line.Any(s_jisRemap.ContainsKey))
        {
            return line;
        }

        return string.Create(line.Length, line, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = s_jisRemap.TryGetValue(source[i], out var mapped) ? mapped : source[i];
            }
        });
    }

    private static void ReadCsv(string path, List<SourceWord> words)
    {
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path, s_eucJp))
        {
            lineNumber++;
            var line = RemapJis(raw);
            if (line.Length == 0 || DistributionAdditions.Contains(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length < 13)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 13 fields, found {fields.Length}");
            }

            words.Add(ParseWord(fields, path, lineNumber));
        }
    }

    private static SourceWord ParseWord(string[] fields, string path, int lineNumber)
    {
        if (!int.TryParse(fields[1], CultureInfo.InvariantCulture, out var left)
            || !int.TryParse(fields[2], CultureInfo.InvariantCulture, out var right)
            || !int.TryParse(fields[3], CultureInfo.InvariantCulture, out var cost))
        {
            throw new InvalidDataException($"{path}:{lineNumber}: ids and cost must be integers");
        }

        var pos = string.Join('-', fields.Skip(4).Take(4).Where(f => f != "*"));
        return new SourceWord(
            fields[0], left, right, cost, pos, fields[8], fields[9], fields[10],
            fields.Length > 11 ? fields[11] : "*", fields.Length > 12 ? fields[12] : "*");
    }

    private sealed record SourceWord(
        string Surface, int LeftId, int RightId, int Cost, string PartOfSpeech,
        string InflectionType, string InflectionForm, string BaseForm, string Reading, string Pronunciation);

    /// <summary>Deduplicating pool of feature strings.</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly StringBuilder _chars = new();
        private readonly List<int> _offsets = [0];

        public int Add(string value)
        {
            if (!_index.TryGetValue(value, out var index))
            {
                index = _offsets.Count - 1;
                _chars.Append(value);
                _offsets.Add(_chars.Length);
                _index.Add(value, index);
            }

            return index;
        }

        public (char[] Chars, int[] Offsets) ToArrays() => (_chars.ToString().ToCharArray(), _offsets.ToArray());
    }
}
