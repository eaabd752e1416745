using Ingest.Core.Diagnostics;
using Ingest.Index.Store;

namespace Ingest.Cli.Commands;

/// <summary>
/// The check a command that works on an existing index makes before opening it: no such folder (exit 2) or a folder that
/// holds no index (exit 1, the same code as search, show and report), each said in one line. Checked without opening a
/// writer, so pointing a command at the wrong folder never leaves index files in it.
/// </summary>
internal static class IndexFolder
{
    public const int NoFolderExit = 2;
    public const int NoIndexExit = 1;

    /// <summary>Null when <paramref name="directory"/> holds an index; otherwise says why not on <paramref name="errors"/> and returns the exit code.</summary>
    public static int? Refuse(string directory, TextWriter errors)
    {
        if (!Directory.Exists(directory))
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: no index here; run `ingest import` first"));
            return NoFolderExit;
        }
        if (!IndexStore.HoldsIndex(directory))
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: the folder holds no index (import files first)"));
            return NoIndexExit;
        }
        return null;
    }
}
