using System.IO.Compression;
using Ingest.Generator.Forms;

namespace Ingest.Reports.Drafts;

/// <summary>Writes drafts as Word files in the archive's form: into a folder, or packed into one zip for a download.</summary>
public static class RenewalDraftWriter
{
    /// <summary>One draft as a Word document into <paramref name="output"/> (left open).</summary>
    public static void Write(RenewalDraft draft, Stream output)
    {
        ArgumentNullException.ThrowIfNull(draft);
        DocxFixtureWriter.Write(output, FixtureLayout.Blocks([draft.Record]));
    }

    /// <summary>Every draft into <paramref name="directory"/> (created if missing); the paths written, in draft order.</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<RenewalDraft> drafts, string directory)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var draft in drafts)
        {
            var path = Path.Combine(directory, draft.FileName);
            using (var file = File.Create(path))
                Write(draft, file);
            written.Add(path);
        }
        return written;
    }

    /// <summary>Every draft as an entry of one zip archive (UTF-8 names) into <paramref name="output"/> (left open).</summary>
    public static void WriteZip(IEnumerable<RenewalDraft> drafts, Stream output)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var draft in drafts)
        {
            // The Word package needs a seekable stream; a draft is tens of kilobytes.
            using var buffer = new MemoryStream();
            Write(draft, buffer);
            var entry = zip.CreateEntry(draft.FileName, CompressionLevel.Optimal);
            using var entryStream = entry.Open();
            buffer.Position = 0;
            buffer.CopyTo(entryStream);
        }
    }
}
