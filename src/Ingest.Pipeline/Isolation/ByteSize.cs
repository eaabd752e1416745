using System.Globalization;

namespace Ingest.Pipeline.Isolation;

/// <summary>
/// An amount of memory, written and read in binary units: <c>1G</c>, <c>1GiB</c>, <c>512M</c>, <c>256K</c> or a
/// plain number of bytes. K, M and G always mean 1024, 1024² and 1024³ (the way memory is sold and counted), so
/// <c>1GB</c> is read as 1 GiB rather than refused.
/// </summary>
public readonly record struct ByteSize(long Bytes) : IComparable<ByteSize>
{
    public const long KiB = 1024;
    public const long MiB = 1024 * KiB;
    public const long GiB = 1024 * MiB;

    public static ByteSize FromMiB(long mebibytes) => new(mebibytes * MiB);

    public static ByteSize FromGiB(long gibibytes) => new(gibibytes * GiB);

    /// <summary>Reads <c>1G</c>, <c>1.5GiB</c>, <c>512 M</c>, <c>300MB</c>, <c>65536</c>; case does not matter.</summary>
    public static bool TryParse(string? text, out ByteSize size)
    {
        size = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        var digits = 0;
        while (digits < s.Length && (char.IsAsciiDigit(s[digits]) || s[digits] == '.'))
            digits++;
        if (!double.TryParse(s.AsSpan(0, digits), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return false;
        long? unit = s[digits..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => KiB,
            "M" or "MB" or "MIB" => MiB,
            "G" or "GB" or "GIB" => GiB,
            _ => null,
        };
        if (unit is null || number * unit.Value >= long.MaxValue)
            return false;
        size = new ByteSize((long)Math.Round(number * unit.Value));
        return true;
    }

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;
    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;
    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;
    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    /// <summary>The size in the largest unit it reaches, as people say it: <c>1 GiB</c>, <c>1.5 GiB</c>, <c>384 MiB</c>, <c>100 bytes</c>.</summary>
    public override string ToString()
    {
        var (unit, name) = Bytes switch
        {
            >= GiB => (GiB, "GiB"),
            >= MiB => (MiB, "MiB"),
            >= KiB => (KiB, "KiB"),
            _ => (1L, "bytes"),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{(double)Bytes / unit:0.##} {name}");
    }
}
