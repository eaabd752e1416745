using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Ingest.Japanese;

namespace Ingest.Benchmarks;

/// <summary>
/// Steady-state throughput of our Kuromoji-compatible tokenizer in Search mode over a multi-megabyte file, the
/// .NET half of the side-by-side comparison in bench/tokenizer (the Java half is KuromojiBench.java).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TokenizerBenchmarks
{
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = TokenizerBenchmarkInput.Load();

    /// <summary>The whole file through one tokenizer, as KuromojiBench does; returns the token count so nothing is elided.</summary>
    [Benchmark]
    public long TokenizeSearch() => TokenizerBenchmarkInput.Tokenize(_text, JapaneseTokenizerMode.Search);
}

/// <summary>
/// Time to the first tokens in a fresh process: dictionary load plus the first, cold tokenization of a short
/// sentence. Each launch is a new process, so the dictionary is never already loaded.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class TokenizerDictionaryLoadBenchmarks
{
    [Benchmark]
    public long FirstTokenizer() => TokenizerBenchmarkInput.Tokenize("東京都に住む", JapaneseTokenizerMode.Search);
}

/// <summary>Benchmark input shared by the tokenizer benchmarks: the file named by <see cref="InputVariable"/>, or one built from the conformance corpus.</summary>
internal static class TokenizerBenchmarkInput
{
    /// <summary>Environment variable naming the input file (bench/tokenizer/run.sh sets it to its generated file).</summary>
    public const string InputVariable = "INGEST_TOKENIZER_BENCH_INPUT";

    /// <summary>Size of the input built from the corpus when no file is named: large enough that per-call overhead is noise.</summary>
    public const int GeneratedInputChars = 2_000_000;

    /// <summary>Refuse to benchmark files that would not fit comfortably in memory as one string.</summary>
    public const long MaxInputBytes = 512L * 1024 * 1024;

    public static string Load()
    {
        var path = Environment.GetEnvironmentVariable(InputVariable);
        if (string.IsNullOrEmpty(path))
        {
            return BuildFromCorpus();
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{InputVariable} names {path}, which does not exist", path);
        }

        if (info.Length > MaxInputBytes)
        {
            throw new InvalidDataException($"{path}: {info.Length} bytes exceeds the benchmark input limit of {MaxInputBytes} bytes");
        }

        return File.ReadAllText(path, Encoding.UTF8);
    }

    public static long Tokenize(string text, JapaneseTokenizerMode mode)
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), null, true, mode);
        tokenizer.Reset();
        long count = 0;
        while (tokenizer.IncrementToken())
        {
            count++;
        }

        tokenizer.End();
        return count;
    }

    /// <summary>Shuffles the conformance corpus lines with a fixed seed and repeats them, like bench/tokenizer/make-input.py.</summary>
    private static string BuildFromCorpus()
    {
        var corpus = FindCorpus();
        var lines = Directory.EnumerateFiles(corpus, "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .ToArray();
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{corpus}: no corpus lines to build the benchmark input from");
        }

        var random = new Random(20241017);
        var builder = new StringBuilder(GeneratedInputChars + 4096);
        while (builder.Length < GeneratedInputChars)
        {
            random.Shuffle(lines);
            foreach (var line in lines)
            {
                builder.Append(line).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string FindCorpus()
    {
        // BenchmarkDotNet runs the benchmarks from a generated project below bin/, so look upwards for the repository.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "conformance", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"tests/conformance/corpus not found above {AppContext.BaseDirectory}; set {InputVariable} to an input file");
    }
}
