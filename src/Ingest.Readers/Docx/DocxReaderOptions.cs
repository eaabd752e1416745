namespace Ingest.Readers.Docx;

/// <summary>
/// Limits that keep a hostile or broken Word file from exhausting memory, stack or time; each is checked by
/// <see cref="DocxPackageGuard"/> on the inflated bytes before the OpenXml SDK loads a part.
/// </summary>
public sealed record DocxReaderOptions
{
    /// <summary>Larger files are refused unread (a submission with photos is a few megabytes).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most zip entries a package may have; real documents have dozens.</summary>
    public int MaxEntries { get; init; } = 2_000;

    /// <summary>Most bytes all entries may inflate to together (measured while inflating, not taken from the headers, which can lie).</summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Highest inflated/compressed ratio an entry larger than <see cref="RatioCheckThreshold"/> may have; XML compresses about 10:1, a zip bomb 1000:1.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries that inflate to fewer bytes than this are not ratio-checked (tiny parts compress very well).</summary>
    public long RatioCheckThreshold { get; init; } = 1024 * 1024;

    /// <summary>Most characters the XML parser reads from one part (passed to the OpenXml SDK).</summary>
    public long MaxCharactersInPart { get; init; } = 128L * 1024 * 1024;

    /// <summary>
    /// Deepest element nesting of any XML part. The OpenXml SDK loads a part recursively, so a document.xml nesting 100,000
    /// elements overflowed the stack (which ends the process); Word's own documents stay under about 30 levels, a table
    /// nested in tables 32 deep (<see cref="MaxNestingDepth"/>) about 200.
    /// </summary>
    public int MaxXmlDepth { get; init; } = 256;

    /// <summary>Most characters of text in all parts together: about 3,000 pages of Japanese (a 20-million-character run needed 2.8 GB).</summary>
    public long MaxTextCharacters { get; init; } = 4_000_000;

    /// <summary>Most runs (<c>w:r</c>) in all parts together; a long packet has tens of thousands.</summary>
    public int MaxRuns { get; init; } = 1_000_000;

    /// <summary>Most table rows (<c>w:tr</c>) in all parts together.</summary>
    public int MaxTableRows { get; init; } = 100_000;

    /// <summary>Most table cells (<c>w:tc</c>) in all parts together.</summary>
    public int MaxTableCells { get; init; } = 200_000;

    /// <summary>Deepest nesting of tables and content controls followed; deeper content is read as text of the enclosing cell.</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>Longest style inheritance chain followed (cycles in basedOn are cut here).</summary>
    public int MaxStyleChain { get; init; } = 32;
}
