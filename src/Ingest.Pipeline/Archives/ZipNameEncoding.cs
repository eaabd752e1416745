using System.Text;

namespace Ingest.Pipeline.Archives;

/// <summary>
/// Decodes zip entry names that lack the UTF-8 flag. Windows' built-in zip writes Japanese names in CP932 without
/// saying so, while other tools write UTF-8 without the flag; valid UTF-8 is taken as UTF-8 (CP932 Japanese is almost
/// never valid UTF-8), anything else as CP932.
/// </summary>
internal sealed class ZipNameEncoding : Encoding
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    private static readonly Encoding Cp932;

    static ZipNameEncoding()
    {
        RegisterProvider(CodePagesEncodingProvider.Instance);
        Cp932 = GetEncoding(932);
    }

    public static ZipNameEncoding Instance { get; } = new();

    private static Encoding Choose(byte[] bytes, int index, int count)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes, index, count);
            return StrictUtf8;
        }
        catch (DecoderFallbackException)
        {
            return Cp932;
        }
    }

    public override int GetByteCount(char[] chars, int index, int count) => UTF8.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        UTF8.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) => Choose(bytes, index, count).GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        Choose(bytes, byteIndex, byteCount).GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override string GetString(byte[] bytes, int index, int count) => Choose(bytes, index, count).GetString(bytes, index, count);

    public override int GetMaxByteCount(int charCount) => UTF8.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => byteCount;
}
