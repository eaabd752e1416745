using System.Text;
using Ingest.Japanese.Dictionary;
using Ingest.Japanese.Tokenization;

namespace Ingest.Japanese;

/// <summary>
/// A user dictionary in Kuromoji's CSV format — <c>surface,segmentation,readings,part-of-speech</c>, segments and
/// readings separated by spaces, <c>#</c> starting a comment — whose phrases take priority over IPADIC words.
/// Immutable and thread-safe once parsed.
/// </summary>
public sealed class UserDictionary : IWordSource
{
    /// <summary>Context id of user phrases (as in Kuromoji: the id of IPADIC's 記号,一般).</summary>
    internal const int ContextId = 5;

    /// <summary>Cost of a user phrase: low enough that a matching phrase always wins.</summary>
    internal const int PhraseCost = -100000;

    /// <summary>Longest surface accepted, against hostile input.</summary>
    public const int MaxSurfaceLength = 256;

    /// <summary>Most entries accepted in one dictionary.</summary>
    public const int MaxEntries = 1_000_000;

    private const string DomainResource = "Ingest.Japanese.domain-userdict.csv";

    private static readonly Lazy<UserDictionary> s_domain = new(() =>
    {
        using var reader = new StreamReader(DictionaryResources.Open(DomainResource), Encoding.UTF8);
        return Parse(reader, "domain-userdict.csv");
    });

    private readonly Node _root = new();
    private readonly List<Phrase> _phrases = [];
    private readonly List<(string PartOfSpeech, string? Reading)> _segments = [];

    private UserDictionary()
    {
    }

    /// <summary>The product's domain dictionary (era names, agencies, networks, terms of the privacy council), embedded in this assembly.</summary>
    public static UserDictionary Domain => s_domain.Value;

    /// <summary>
    /// The domain dictionary's entry lines exactly as embedded (comments and blank lines left out), in file order: what
    /// another Kuromoji (an OpenSearch <c>kuromoji_tokenizer</c>'s <c>user_dictionary_rules</c>) needs to segment alike.
    /// </summary>
    public static IReadOnlyList<string> DomainRules()
    {
        using var reader = new StreamReader(DictionaryResources.Open(DomainResource), Encoding.UTF8);
        var rules = new List<string>();
        while (reader.ReadLine() is { } raw)
        {
            var line = StripComment(raw);
            if (line.Trim().Length > 0)
                rules.Add(line.Trim());
        }
        return rules;
    }

    /// <summary>Number of phrases.</summary>
    public int Count => _phrases.Count;

    internal bool IsEmpty => _phrases.Count == 0;

    /// <summary>Parses Kuromoji user-dictionary CSV; a malformed or duplicate line gives a <see cref="FormatException"/> naming <paramref name="sourceName"/> and the line. An empty text is a valid, empty dictionary.</summary>
    public static UserDictionary Parse(TextReader csv, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var dictionary = new UserDictionary();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (csv.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = StripComment(raw);
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = SplitCsv(line, sourceName, lineNumber);
            if (fields.Count != 4)
            {
                throw Error(sourceName, lineNumber, $"expected 4 fields (surface,segmentation,readings,part-of-speech), found {fields.Count}");
            }

            var surface = fields[0].Trim();
            var segments = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var readings = fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var partOfSpeech = fields[3].Trim();
            if (surface.Length == 0 || surface.Length > MaxSurfaceLength)
            {
                throw Error(sourceName, lineNumber, $"surface must have 1 to {MaxSurfaceLength} characters");
            }

            if (segments.Length == 0 || string.Concat(segments) != surface)
            {
                throw Error(sourceName, lineNumber, $"segmentation '{fields[1]}' does not spell the surface '{surface}'");
            }

            if (readings.Length != segments.Length)
            {
                throw Error(sourceName, lineNumber, $"{segments.Length} segments but {readings.Length} readings");
            }

            if (partOfSpeech.Length == 0)
            {
                throw Error(sourceName, lineNumber, "part of speech is empty");
            }

            if (firstLine.TryGetValue(surface, out var previous))
            {
                throw Error(sourceName, lineNumber, $"duplicate surface '{surface}' (first on line {previous})");
            }

            if (dictionary._phrases.Count >= MaxEntries)
            {
                throw Error(sourceName, lineNumber, $"more than {MaxEntries} entries");
            }

            firstLine.Add(surface, lineNumber);
            dictionary.AddPhrase(surface, segments, readings, partOfSpeech);
        }

        return dictionary;
    }

    /// <summary>Reads a user dictionary file (UTF-8).</summary>
    public static UserDictionary Load(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader, path);
    }

    private void AddPhrase(string surface, string[] segments, string[] readings, string partOfSpeech)
    {
        var phrase = new Phrase(_segments.Count, segments.Select(s => s.Length).ToArray());
        for (var i = 0; i < segments.Length; i++)
        {
            _segments.Add((partOfSpeech, readings[i]));
        }

        var node = _root;
        foreach (var c in surface)
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(c, out var child))
            {
                child = new Node();
                node.Children.Add(c, child);
            }

            node = child;
        }

        node.Phrase = _phrases.Count;
        _phrases.Add(phrase);
    }

    /// <summary>Every phrase starting at <paramref name="pos"/>, shortest first, as (end, phrase id).</summary>
    internal void Match(InputWindow input, int pos, List<(int End, int Phrase)> matches)
    {
        var node = _root;
        for (var ahead = pos; node.Children is not null; ahead++)
        {
            var c = input.Get(ahead);
            if (c == -1 || !node.Children.TryGetValue((char)c, out node!))
            {
                return;
            }

            if (node.Phrase >= 0)
            {
                matches.Add((ahead + 1, node.Phrase));
            }
        }
    }

    /// <summary>The segments of a phrase: segment i has word id <c>FirstWordId + i</c> and length <c>Lengths[i]</c>.</summary>
    internal (int FirstWordId, ReadOnlyMemory<int> Lengths) Segments(int phrase)
    {
        var p = _phrases[phrase];
        return (p.FirstWordId, p.Lengths);
    }

    string? IWordSource.GetPartOfSpeech(int wordId) => _segments[wordId].PartOfSpeech;
    string? IWordSource.GetInflectionType(int wordId) => null;
    string? IWordSource.GetInflectionForm(int wordId) => null;
    string? IWordSource.GetBaseForm(int wordId) => null;
    string? IWordSource.GetReading(int wordId) => _segments[wordId].Reading;
    string? IWordSource.GetPronunciation(int wordId) => _segments[wordId].Reading;

    private static string StripComment(string line)
    {
        // A '#' outside quotes starts a comment.
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == '#' && !inQuotes)
            {
                return line[..i];
            }
        }

        return line;
    }

    private static List<string> SplitCsv(string line, string sourceName, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw Error(sourceName, lineNumber, "unterminated quote");
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static FormatException Error(string sourceName, int lineNumber, string reason) =>
        new($"{sourceName}:{lineNumber}: {reason}");

    private sealed record Phrase(int FirstWordId, int[] Lengths);

    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public int Phrase = -1;
    }
}
