using Ingest.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;

namespace Ingest.Index.Tests;

/// <summary>
/// A temporary index holding one folder copied beside the test assembly, imported once as <c>ingest import</c> does it
/// (<see cref="BulkImporter"/> on the product's pipeline); deleted on dispose. The seed and corpus fixtures are made of it.
/// </summary>
public abstract class ImportedIndexFixture : IDisposable
{
    protected ImportedIndexFixture(params string[] folders)
    {
        Directory = Path.Combine(Path.GetTempPath(), $"ingest-{string.Join('-', folders)}-index-" + Guid.NewGuid().ToString("N"));
        Store = IndexStore.Open(Directory);
        var outcomes = new List<FileOutcome>();
        new BulkImporter(Store, IngestPipeline.Default).Import([.. folders.Select(folder => Path.Combine(AppContext.BaseDirectory, folder))], outcomes.Add);
        Outcomes = outcomes;
    }

    public string Directory { get; }
    public IndexStore Store { get; }

    /// <summary>How each file fared, in the order the importer decided.</summary>
    public IReadOnlyList<FileOutcome> Outcomes { get; }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
