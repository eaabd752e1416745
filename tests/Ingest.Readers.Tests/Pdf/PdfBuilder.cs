using System.IO.Compression;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Ingest.Readers.Tests.Pdf;

/// <summary>Draws small PDFs for reader tests with PdfPig's builder: Helvetica text, ruling lines, images.</summary>
internal sealed class PdfBuilder : IDisposable
{
    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _font;

    public PdfBuilder() => _font = _builder.AddStandard14Font(Standard14Font.Helvetica);

    public PdfPageBuilder Page() => _builder.AddPage(PageSize.A4);

    public void Text(PdfPageBuilder page, string text, double x, double y, double size = 10) =>
        page.AddText(text, size, new PdfPoint(x, y), _font);

    /// <summary>Width of a text in this font, to place words as a wrapping producer would.</summary>
    public double Width(PdfPageBuilder page, string text, double size = 10)
    {
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), _font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X;
    }

    public static void Line(PdfPageBuilder page, double x1, double y1, double x2, double y2) =>
        page.DrawLine(new PdfPoint(x1, y1), new PdfPoint(x2, y2), 0.5);

    /// <summary>A ruled grid: every cell bordered (x and y edges, y from top to bottom).</summary>
    public static void Grid(PdfPageBuilder page, double[] xs, double[] ys)
    {
        foreach (var y in ys)
            Line(page, xs[0], y, xs[^1], y);
        foreach (var x in xs)
            Line(page, x, ys[0], x, ys[^1]);
    }

    public byte[] Build() => _builder.Build();

    public void Dispose() => _builder.Dispose();

    /// <summary>A tiny grey PNG (the stand-in for a scanned page).</summary>
    public static byte[] Png(int width = 8, int height = 8)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
                raw.Write([128, 128, 128]);
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(raw.ToArray());
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A one-bit grey PNG, all white: large in pixels, tiny in bytes (the shape of an image bomb).</summary>
    public static byte[] BilevelPng(int width, int height)
    {
        var row = new byte[1 + (width + 7) / 8];
        Array.Fill(row, (byte)0xFF);
        row[0] = 0; // filter: none
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
                z.Write(row);
        }
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 0; // colour type: grey
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
