using System.CommandLine;
using Ingest.Index.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest import PATH... [--index DIR] [--synonyms FILE]</c>: extracts and indexes files and folders; unchanged files are skipped.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (walked recursively) to import.", Arity = ArgumentArity.OneOrMore };
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var synonyms = new Option<string?>("--synonyms") { Description = "Install this synonym file (Solr format) in the index and re-index the stored records with it." };
        var command = new Command("import", "Extract and index submission files; re-importing an unchanged file changes nothing.") { paths, index, synonyms };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(index), parse.GetValue(synonyms), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Imports; returns 0 when every file was imported or unchanged, 1 when some failed (the rest is still committed), 2 on a bad index or synonym file.</summary>
    internal static int Run(IReadOnlyList<string> paths, string? indexDirectory, string? synonymFile, TextWriter output, TextWriter errors)
    {
        var directory = indexDirectory ?? IndexStore.DefaultDirectory;
        IndexStore store;
        try
        {
            store = IndexStore.Open(directory);
            if (synonymFile is not null)
            {
                store = store.InstallSynonyms(synonymFile);
                output.WriteLine($"synonyms: {synonymFile} installed in {store.DirectoryPath}; stored records re-indexed");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine($"{directory}: cannot open the index: {e.Message}");
            return 2;
        }

        using (store)
        {
            var options = new ImportOptions { Extensions = IngestPipeline.SupportedExtensions };
            var importer = new IndexImporter(store, Extract, options);
            IReadOnlyList<ImportedFile> results;
            try
            {
                results = importer.Import(paths, new Progress(output, errors));
            }
            catch (IOException e)
            {
                // Includes the index's write lock held by another import.
                errors.WriteLine($"{store.DirectoryPath}: cannot write the index: {e.Message}");
                return 2;
            }
            // Paths that do not exist never reach the progress reporter.
            foreach (var missing in results.Where(file => file.Outcome == ImportOutcome.Failed && file.Message == "no such file or folder"))
                errors.WriteLine($"{missing.Path}: {missing.Message}");
            var count = (ImportOutcome outcome) => results.Count(file => file.Outcome == outcome);
            output.WriteLine($"{count(ImportOutcome.Added)} added, {count(ImportOutcome.Replaced)} replaced, {count(ImportOutcome.Unchanged)} unchanged, {count(ImportOutcome.Failed)} failed; {results.Sum(file => file.Submissions)} submissions indexed → {store.DirectoryPath}");
            return count(ImportOutcome.Failed) == 0 ? 0 : 1;
        }
    }

    private static ExtractedFile Extract(string path)
    {
        var result = IngestPipeline.Default.ExtractFile(path);
        return new ExtractedFile { Path = result.Path, Sha256 = result.Sha256, Submissions = result.Submissions, Error = result.Error };
    }

    /// <summary>One line per file as it is done (synchronously, unlike <see cref="Progress{T}"/>, so lines keep file order).</summary>
    private sealed class Progress(TextWriter output, TextWriter errors) : IProgress<ImportedFile>
    {
        public void Report(ImportedFile file)
        {
            switch (file.Outcome)
            {
                case ImportOutcome.Failed:
                    errors.WriteLine($"{file.Path}: {file.Message}");
                    break;
                case ImportOutcome.Unchanged:
                    output.WriteLine($"unchanged {file.Path}{(file.Message is null ? string.Empty : $" ({file.Message})")}");
                    break;
                default:
                    output.WriteLine($"{(file.Outcome == ImportOutcome.Added ? "added" : "replaced")} {file.Path} ({file.Submissions} submission{(file.Submissions == 1 ? string.Empty : "s")})");
                    break;
            }
        }
    }
}
