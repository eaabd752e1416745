using System.Buffers.Binary;
using System.Text;

namespace Ingest.Readers.Sniffing;

/// <summary>
/// The names of the streams and storages at the top of an OLE compound file (MS-CFB: the header, the FAT chain of the
/// directory sectors, the directory's 128-byte entries and the root's tree of children). Enough to tell a Word 97-2003
/// document (a <c>WordDocument</c> stream) from an Excel one (<c>Workbook</c>, or <c>Book</c> before Excel 97) or an
/// encrypted OOXML package (<c>EncryptedPackage</c>), whatever the file is called. Every chain and tree walk is bounded
/// and stops at a loop, so a damaged or hostile directory costs at most a few thousand steps.
/// </summary>
public static class CompoundFileDirectory
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint NoStream = 0xFFFFFFFF;
    private const int EntrySize = 128;
    private const int MaxEntries = 65_536;

    /// <summary>The names at the root of the file; null when its header or directory cannot be read.</summary>
    public static IReadOnlyList<string>? RootNames(ReadOnlySpan<byte> file)
    {
        if (file.Length < 512 || !file.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return null;
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(file[0x1E..]);
        if (shift is not (9 or 12))
            return null;
        var sectorSize = 1 << shift;
        var fat = Fat(file, sectorSize);
        var directory = new List<byte[]>();
        var seen = new HashSet<uint>();
        for (var sector = BinaryPrimitives.ReadUInt32LittleEndian(file[0x30..]); sector < EndOfChain && seen.Add(sector); sector = sector < fat.Count ? fat[(int)sector] : EndOfChain)
        {
            var offset = ((long)sector + 1) * sectorSize;
            if (offset + sectorSize > file.Length || directory.Count * (sectorSize / EntrySize) > MaxEntries)
                break;
            directory.Add(file.Slice((int)offset, sectorSize).ToArray());
        }
        var entries = directory.SelectMany(s => Enumerable.Range(0, sectorSize / EntrySize).Select(i => s.AsMemory(i * EntrySize, EntrySize))).ToArray();
        if (entries.Length == 0 || entries[0].Span[0x42] != 5)
            return null; // entry 0 must be the root storage
        var names = new List<string>();
        var visited = new HashSet<uint>();
        var pending = new Stack<uint>();
        pending.Push(BinaryPrimitives.ReadUInt32LittleEndian(entries[0].Span[0x4C..]));
        while (pending.Count > 0)
        {
            var index = pending.Pop();
            if (index == NoStream || index >= entries.Length || !visited.Add(index))
                continue;
            var entry = entries[index].Span;
            var nameBytes = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]), 64);
            if (nameBytes >= 2)
                names.Add(Encoding.Unicode.GetString(entry[..(nameBytes - 2)]));
            pending.Push(BinaryPrimitives.ReadUInt32LittleEndian(entry[0x44..]));
            pending.Push(BinaryPrimitives.ReadUInt32LittleEndian(entry[0x48..]));
        }
        return names;
    }

    /// <summary>The file allocation table: the sectors the header's DIFAT (and its chain of DIFAT sectors) lists.</summary>
    private static List<uint> Fat(ReadOnlySpan<byte> file, int sectorSize)
    {
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
            fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(file[(0x4C + i * 4)..]));
        var seen = new HashSet<uint>();
        for (var difat = BinaryPrimitives.ReadUInt32LittleEndian(file[0x44..]); difat < EndOfChain && seen.Add(difat) && seen.Count < 1024;)
        {
            var offset = ((long)difat + 1) * sectorSize;
            if (offset + sectorSize > file.Length)
                break;
            var sector = file.Slice((int)offset, sectorSize);
            for (var i = 0; i < sectorSize / 4 - 1; i++)
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(sectorSize - 4)..]);
        }
        var fat = new List<uint>();
        // A FAT has one entry per sector of the file; a DIFAT naming one sector over and over cannot make it longer.
        var sectors = file.Length / sectorSize + 1;
        foreach (var sector in fatSectors)
        {
            if (fat.Count > sectors)
                break;
            var offset = ((long)sector + 1) * sectorSize;
            if (sector >= EndOfChain - 3 || offset + sectorSize > file.Length)
                continue;
            var bytes = file.Slice((int)offset, sectorSize);
            for (var i = 0; i < sectorSize / 4; i++)
                fat.Add(BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]));
        }
        return fat;
    }
}

/// <summary>What an OLE compound file holds, by the streams at its root.</summary>
public enum CompoundFileKind
{
    /// <summary>None of the kinds below: another program's compound file (a Visio drawing, an Outlook message …).</summary>
    Other,
    WordDocument,
    ExcelWorkbook,
    /// <summary>An OOXML document saved with a password (MS-OFFCRYPTO 2.3.4): its package is encrypted inside.</summary>
    EncryptedPackage,
    /// <summary>An 一太郎 document, known by its extension: its streams are JustSystems' own.</summary>
    Ichitaro,
}

/// <summary>Tells the kinds of compound file apart.</summary>
public static class CompoundFileKinds
{
    public static CompoundFileKind Of(ReadOnlySpan<byte> file, string path)
    {
        var names = CompoundFileDirectory.RootNames(file);
        if (names is not null)
        {
            if (names.Contains("EncryptedPackage"))
                return CompoundFileKind.EncryptedPackage;
            if (names.Contains("WordDocument"))
                return CompoundFileKind.WordDocument;
            if (names.Contains("Workbook") || names.Contains("Book"))
                return CompoundFileKind.ExcelWorkbook;
        }
        else
        {
            // A directory that cannot be walked: the stream names may still be found as UTF-16 text.
            if (file.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0)
                return CompoundFileKind.EncryptedPackage;
            if (file.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0)
                return CompoundFileKind.WordDocument;
            if (file.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0)
                return CompoundFileKind.ExcelWorkbook;
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".jtd" or ".jtdc" or ".jtt" or ".jttc" ? CompoundFileKind.Ichitaro : CompoundFileKind.Other;
    }

    /// <summary>The root names for messages ("streams: …"), at most a handful.</summary>
    public static string Describe(ReadOnlySpan<byte> file)
    {
        var names = CompoundFileDirectory.RootNames(file);
        if (names is null)
            return "its directory is unreadable";
        var shown = names.Select(n => new string(n.Where(c => !char.IsControl(c)).ToArray())).Where(n => n.Length > 0).Take(6).ToArray();
        return shown.Length == 0 ? "it holds no streams" : "streams: " + string.Join(", ", shown) + (names.Count > shown.Length ? ", …" : string.Empty);
    }
}
