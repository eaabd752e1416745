using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Ingest.Core.Records;

namespace Ingest.Pipeline.Isolation;

/// <summary>
/// The framing between the importer and a parser worker, over the worker's standard input and output. A request is the
/// file's path and its bytes; a response is the <see cref="FileExtraction"/> as one JSON document (the record contract's
/// own serialisation, <see cref="RecordJson.Compact"/>). The worker first sends an empty frame when it is ready, so that
/// its start-up is not counted against the first file's time. Every part is preceded by its length (32-bit little-endian), so
/// neither side ever scans for a delimiter in file content. One request at a time: a worker answers before it reads again.
/// </summary>
internal static class WorkerProtocol
{
    /// <summary>Larger frames are a broken stream, not a file (files are refused long before this, <see cref="PipelineOptions.MaxFileBytes"/>).</summary>
    public const int MaxFrameBytes = 1 << 30;

    /// <summary>The worker's first word, an empty frame: its runtime is up and it reads requests from now on.</summary>
    public static void WriteReady(Stream output)
    {
        output.Write(stackalloc byte[4]);
        output.Flush();
    }

    /// <summary>True once the worker said it is ready; false when its output ended first (it could not start).</summary>
    public static bool ReadReady(Stream input) => ReadFrame(input) is { Length: 0 };

    public static void WriteRequest(Stream output, string path, ReadOnlySpan<byte> content)
    {
        var name = Encoding.UTF8.GetBytes(path);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, name.Length);
        output.Write(length);
        output.Write(name);
        BinaryPrimitives.WriteInt32LittleEndian(length, content.Length);
        output.Write(length);
        output.Write(content);
        output.Flush();
    }

    /// <summary>The next request, or null when the importer closed the stream between requests (the worker's signal to end).</summary>
    public static (string Path, byte[] Content)? ReadRequest(Stream input)
    {
        var name = ReadFrame(input);
        if (name is null)
            return null;
        var content = ReadFrame(input) ?? throw new EndOfStreamException("request ended after its path");
        return (Encoding.UTF8.GetString(name), content);
    }

    public static void WriteResponse(Stream output, FileExtraction extraction)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(extraction, RecordJson.Compact);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        output.Write(length);
        output.Write(json);
        output.Flush();
    }

    /// <summary>The worker's answer, or null when its output ended first (it died).</summary>
    public static FileExtraction? ReadResponse(Stream input)
    {
        var json = ReadFrame(input);
        return json is null ? null : JsonSerializer.Deserialize<FileExtraction>(json, RecordJson.Compact);
    }

    /// <summary>One length-prefixed frame; null on a clean end of stream before it, an exception on one inside it.</summary>
    private static byte[]? ReadFrame(Stream input)
    {
        Span<byte> header = stackalloc byte[4];
        var read = input.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0)
            return null;
        if (read < header.Length)
            throw new EndOfStreamException("frame header cut short");
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxFrameBytes)
            throw new InvalidDataException($"frame of {length} bytes");
        var frame = new byte[length];
        input.ReadExactly(frame);
        return frame;
    }
}
