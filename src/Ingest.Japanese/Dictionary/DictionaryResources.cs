using System.Diagnostics;

namespace Ingest.Japanese.Dictionary;

/// <summary>
/// The data embedded in this assembly: the compiled IPADIC, loaded lazily once per process (thread-safe),
/// Kuromoji's default stop tags and stop words, and the product's domain user dictionary.
/// </summary>
internal static class DictionaryResources
{
    private const string CoreResource = "Ingest.Japanese.ipadic-core.bin";
    private const string FeaturesResource = "Ingest.Japanese.ipadic-features.bin";

    private static readonly Lazy<SystemDictionary> s_system = new(LoadSystem, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Milliseconds the first load of the system dictionary took (0 before it is loaded).</summary>
    public static long LoadMilliseconds { get; private set; }

    public static SystemDictionary System => s_system.Value;

    private static SystemDictionary LoadSystem()
    {
        var watch = Stopwatch.StartNew();
        // The feature strings (part of speech, base form, reading…) are decompressed only when an attribute first
        // asks for one: printing terms, the most common whole-process use, never pays for them.
        using var stream = Open(CoreResource);
        var dictionary = SystemDictionary.ReadCore(stream, CoreResource, new Lazy<FeatureTable>(LoadFeatures, LazyThreadSafetyMode.ExecutionAndPublication));
        LoadMilliseconds = watch.ElapsedMilliseconds;
        return dictionary;
    }

    private static FeatureTable LoadFeatures()
    {
        using var featureStream = Open(FeaturesResource);
        return FeatureTable.Read(featureStream, FeaturesResource);
    }

    public static Stream Open(string resource) =>
        typeof(DictionaryResources).Assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"embedded resource {resource} is missing from {typeof(DictionaryResources).Assembly.GetName().Name}");

    /// <summary>Reads a Kuromoji word-list resource: one entry per line, '#' starts a comment line.</summary>
    public static IReadOnlyList<string> ReadWordList(string resource)
    {
        using var reader = new StreamReader(Open(resource));
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                words.Add(trimmed);
            }
        }

        return words;
    }
}
