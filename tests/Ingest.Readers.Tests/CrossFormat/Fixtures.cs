using Ingest.Extraction;
using Ingest.Pipeline;
using Ingest.Readers.Conversion;
using Ingest.Readers.Docx;
using Ingest.Readers.Pdf;
using Ingest.Readers.Text;
using Ingest.Readers.Xlsx;

namespace Ingest.Readers.Tests.CrossFormat;

/// <summary>Locates the repository's seeds, corpus and generated fixtures, and a pipeline with every binary reader.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> _root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("repository root (Ingest.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string Root => _root.Value;

    public static string Folder => Path.Combine(Root, "corpus", "fixtures");

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>LibreOffice, without the conversion cache.</summary>
    public static LibreOfficeConverter Converter { get; } = new(new LibreOfficeOptions { CacheFolder = string.Empty });

    /// <summary>
    /// The PDF, DOCX and XLSX readers and the converting reader ahead of the text reader, as the product's registry orders
    /// them; conversions are not cached, so a test's conversion really runs LibreOffice.
    /// </summary>
    public static IngestPipeline Pipeline { get; } = new(
        new ReaderRegistry([
            new PdfDocumentReader(), new DocxDocumentReader(), new XlsxDocumentReader(),
            new ConvertingReader(Converter), new TextDocumentReader(),
        ]),
        new SubmissionExtractor());

    /// <summary>The formats read by conversion, by fixture suffix (LibreOffice's saves of the DOCX and XLSX fixtures).</summary>
    public static readonly IReadOnlySet<string> ConvertedSuffixes = new HashSet<string>(StringComparer.Ordinal) { ".doc", ".rtf", ".odt", ".xls", ".ods" };

    /// <summary>
    /// The fixtures of <paramref name="stem"/> by suffix: <c>.docx</c>, <c>.xlsx</c> (Excel grid paper), <c>.pdf</c>
    /// (LibreOffice), <c>.chromium*.pdf</c>, any other producer's PDF, and LibreOffice's saves as .doc, .rtf, .odt, .xls, .ods.
    /// </summary>
    public static IEnumerable<string> Suffixes(string stem) =>
        Directory.EnumerateFiles(Folder, stem + ".*")
            .Select(f => Path.GetFileName(f)[stem.Length..])
            .Where(s => s is ".docx" or ".xlsx" or ".pdf" || ConvertedSuffixes.Contains(s) || s.EndsWith(".pdf", StringComparison.Ordinal) && s.Count(c => c == '.') == 2)
            .Order(StringComparer.Ordinal);

    /// <summary>Each text document the fixtures were made from, by fixture stem.</summary>
    public static IEnumerable<(string Stem, string Source)> Sources()
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(Root, "seeds"), "*.txt");
        var corpus = Directory.EnumerateFiles(Path.Combine(Root, "corpus", "extraction")).Where(f => f.EndsWith(".txt") || f.EndsWith(".md"));
        foreach (var source in seeds.Concat(corpus).Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(source);
            foreach (var tag in new[] { ".sjis", ".eucjp" })
            {
                if (stem.EndsWith(tag, StringComparison.Ordinal))
                    stem = stem[..^tag.Length];
            }
            yield return (stem, source);
        }
    }
}
