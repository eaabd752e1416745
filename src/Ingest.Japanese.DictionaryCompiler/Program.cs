using System.Diagnostics;

namespace Ingest.Japanese.DictionaryCompiler;

/// <summary>Compiles IPADIC source (CSV, matrix.def, char.def, unk.def) into the analyzer's binary dictionary.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Ingest.Japanese.DictionaryCompiler IPADIC_SOURCE_DIR OUTPUT_DIR");
            Console.Error.WriteLine("  e.g. /usr/share/mecab/dic/ipadic src/Ingest.Japanese/Dictionary");
            Console.Error.WriteLine("  writes OUTPUT_DIR/ipadic-core.bin and OUTPUT_DIR/ipadic-features.bin");
            return 2;
        }

        if (!Directory.Exists(args[0]) || !File.Exists(Path.Combine(args[0], "matrix.def")))
        {
            Console.Error.WriteLine($"{args[0]}: not an IPADIC source folder (no matrix.def)");
            return 1;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var dictionary = IpadicCompiler.Compile(args[0]);
            Directory.CreateDirectory(args[1]);
            var corePath = Path.Combine(args[1], "ipadic-core.bin");
            var featuresPath = Path.Combine(args[1], "ipadic-features.bin");
            using (var output = File.Create(corePath))
            {
                dictionary.WriteCore(output);
            }

            using (var output = File.Create(featuresPath))
            {
                dictionary.FeatureTable.Value.Write(output);
            }

            Console.Error.WriteLine(
                $"{args[1]}: {dictionary.KnownWordCount} words, {dictionary.NodeLabel.Length} trie nodes, "
                + $"{new FileInfo(corePath).Length} + {new FileInfo(featuresPath).Length} bytes, {watch.ElapsedMilliseconds} ms");
            return 0;
        }
        catch (InvalidDataException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }
}
