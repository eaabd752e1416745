using System.IO.Compression;
using System.Text;

namespace Ingest.HostileFiles;

/// <summary>
/// Writes a PDF from numbered objects with a correct cross-reference table, so a reader meets the hostile part and not
/// a broken file structure. Object 1 must be the catalog.
/// </summary>
public sealed class MinimalPdf
{
    private readonly List<byte[]> _objects = [];

    /// <summary>Adds an object given as PDF source (a dictionary, an array…) and returns its number.</summary>
    public int Add(string body) => AddBytes(Encoding.ASCII.GetBytes(body));

    /// <summary>Adds a stream object: the dictionary's entries (without &lt;&lt; &gt;&gt; and /Length) and the already-encoded data.</summary>
    public int AddStream(string entries, byte[] data)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.ASCII.GetBytes($"<< {entries} /Length {data.Length} >>\nstream\n"));
        buffer.Write(data);
        buffer.Write("\nendstream"u8);
        return AddBytes(buffer.ToArray());
    }

    private int AddBytes(byte[] body)
    {
        _objects.Add(body);
        return _objects.Count;
    }

    public byte[] Build()
    {
        using var output = new MemoryStream();
        output.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < _objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            output.Write(_objects[i]);
            output.Write("\nendobj\n"u8);
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            table.Append($"{offset:D10} 00000 n \n");
        table.Append($"trailer\n<< /Size {_objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return output.ToArray();
    }

    /// <summary>zlib (FlateDecode) of <paramref name="count"/> copies of <paramref name="fill"/>, written in 1 MiB pieces.</summary>
    public static byte[] Deflate(byte fill, long count)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var piece = new byte[1024 * 1024];
            Array.Fill(piece, fill);
            for (var left = count; left > 0; left -= piece.Length)
                zlib.Write(piece, 0, (int)Math.Min(piece.Length, left));
        }
        return output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(data);
        return output.ToArray();
    }
}
