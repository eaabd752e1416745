using System.Globalization;
using System.Text;

namespace Ingest.Pipeline.FileSystem;

/// <summary>
/// File names as bytes on disk and as text shown, logged and stored. Linux keeps names as bytes; .NET decodes them as UTF-8
/// and turns any other byte into U+FFFD, so a file named in CP932 (what <c>unzip</c> leaves of a Windows zip, or a copy from
/// an old file server) can be neither shown nor opened through .NET's own file APIs. Here a name that is valid UTF-8 is
/// that text; one that is not is read as CP932 when it is valid CP932 of real characters that encodes back to the very same bytes; anything
/// else is kept losslessly with each byte outside a valid UTF-8 sequence written <c>\xNN</c> (and a backslash as
/// <c>\x5C</c>, so the escape cannot be confused with the name). <see cref="Candidates"/> goes back from text to the byte
/// names that decode to it, in that same order. Pure and thread-safe.
/// </summary>
public static class FileNames
{
    private static readonly Encoding _strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding _strictCp932;

    static FileNames()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _strictCp932 = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>How a name's bytes were read.</summary>
    public enum Reading
    {
        /// <summary>Valid UTF-8: the name as .NET sees it too.</summary>
        Utf8,

        /// <summary>Not UTF-8, but CP932 that encodes back to the same bytes.</summary>
        Cp932,

        /// <summary>Neither: valid UTF-8 runs kept, every other byte written <c>\xNN</c>.</summary>
        Escaped,
    }

    /// <summary>The text of a name (one path component, or a whole path: '/' is the same byte in all three readings).</summary>
    public static string Decode(ReadOnlySpan<byte> name) => Decode(name, out _);

    /// <summary>The text of a name, and how it was read.</summary>
    public static string Decode(ReadOnlySpan<byte> name, out Reading reading)
    {
        if (Utf8(name) is { } text)
        {
            reading = Reading.Utf8;
            return text;
        }
        if (Cp932(name) is { } japanese)
        {
            reading = Reading.Cp932;
            return japanese;
        }
        reading = Reading.Escaped;
        return Escape(name);
    }

    /// <summary>The lossless escape of a name, whatever its bytes (also used when two names in one folder would read alike).</summary>
    public static string Escape(ReadOnlySpan<byte> name)
    {
        var text = new StringBuilder(name.Length + 8);
        var i = 0;
        while (i < name.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(name[i..], out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done && rune.Value != '\\')
                text.Append(rune.ToString());
            else
            {
                consumed = status == System.Buffers.OperationStatus.Done ? consumed : 1;
                for (var b = 0; b < consumed; b++)
                    text.Append(CultureInfo.InvariantCulture, $"\\x{name[i + b]:X2}");
            }
            i += consumed;
        }
        return text.ToString();
    }

    /// <summary>
    /// The byte names that decode to <paramref name="text"/>, most likely first: its UTF-8, then its CP932 (when that is not
    /// valid UTF-8 and decodes back to the text), then the bytes its <c>\xNN</c> escapes stand for. A folder could hold
    /// more than one of them; the first that exists is the one meant (a listing never shows two names alike: see
    /// <see cref="Decode(ReadOnlySpan{byte}, out Reading)"/>'s callers).
    /// </summary>
    public static IEnumerable<byte[]> Candidates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        yield return utf8;
        if (CanEncodeCp932(text) is { } cp932 && Utf8(cp932) is null && Cp932(cp932) == text)
            yield return cp932;
        // The escape is also how a CP932 name beside its UTF-8 twin is shown, so its bytes may read otherwise.
        if (Unescape(text) is { } escaped && Escape(escaped) == text)
            yield return escaped;
    }

    /// <summary>The bytes a <c>\xNN</c>-escaped name stands for, or null when the text holds no escape.</summary>
    public static byte[]? Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("\\x", StringComparison.Ordinal))
            return null;
        var bytes = new List<byte>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x'
                && byte.TryParse(text.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                bytes.Add(value);
                i += 4;
                continue;
            }
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, length)));
            i += length;
        }
        return [.. bytes];
    }

    private static string? Utf8(ReadOnlySpan<byte> name)
    {
        try
        {
            return _strictUtf8.GetString(name);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Cp932(ReadOnlySpan<byte> name)
    {
        try
        {
            var text = _strictCp932.GetString(name);
            // CP932 maps a few byte pairs to one character (NEC and IBM duplicates): only a reading that encodes back to the
            // same bytes can be turned back into the file's name. Windows' table also gives bytes no character by mapping
            // them to control or private-use code points (0x80, 0xA0, 0xFD–0xFF, the user-defined rows): that is no reading.
            return name.SequenceEqual(_strictCp932.GetBytes(text)) && !text.Any(IsNoCharacter) ? text : null;
        }
        catch (Exception e) when (e is DecoderFallbackException or EncoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsNoCharacter(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;

    private static byte[]? CanEncodeCp932(string text)
    {
        try
        {
            return _strictCp932.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }
}
