using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Ingest.Readers.Pdf;

/// <summary>A PDF broke one of <see cref="PdfReaderOptions"/>' budgets; the message names the limit.</summary>
internal sealed class PdfBudgetExceededException(string reason) : Exception(reason);

/// <summary>
/// The filters PdfPig decodes streams with, held to the reader's budgets. PdfPig inflates a stream whole into a growing
/// buffer, so a 1.6 MB file whose content inflates to 1.5 GB of spaces peaked at 3.9 GB, and a filter chain
/// (<c>[/FlateDecode /FlateDecode]</c>) does the same from a few kilobytes. PdfPig takes its filters from
/// <c>ParsingOptions.FilterProvider</c> for every stream it decodes (content, forms, fonts, CMaps, object and xref
/// streams), so this is the one place to bound them: Flate data is first inflated into a counting sink that keeps
/// nothing and is refused past <see cref="PdfReaderOptions.MaxStreamBytes"/>; every decoded stream counts towards
/// <see cref="PdfReaderOptions.MaxDecodedBytes"/>; a decoded CMap is checked by <see cref="CMapRangeCheck"/> before
/// PdfPig expands its ranges. In lenient mode PdfPig may catch a filter's exception and read on (a page as empty), so
/// the first breach is kept in <see cref="Breach"/> and reported in place of whatever PdfPig returned. One per read.
/// </summary>
internal sealed class BoundedFilterProvider(PdfReaderOptions options) : IFilterProvider
{
    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;
    private long _decoded;

    /// <summary>The first budget this read broke, or null.</summary>
    public string? Breach { get; private set; }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters) => filters.Select(f => (IFilter)new BoundedFilter(f, this)).ToArray();

    /// <summary>Throws (and remembers) the breach; every later decode of this read fails the same way.</summary>
    private void Refuse(string reason)
    {
        Breach ??= reason;
        throw new PdfBudgetExceededException(Breach);
    }

    private void BeforeDecode(IFilter filter, ReadOnlySpan<byte> input)
    {
        if (Breach is not null)
            throw new PdfBudgetExceededException(Breach);
        if (filter is FlateFilter && InflatedLength(input, options.MaxStreamBytes) > options.MaxStreamBytes)
            Refuse($"PDF stream inflates beyond {options.MaxStreamBytes:N0} bytes (limit {nameof(PdfReaderOptions.MaxStreamBytes)})");
    }

    private void AfterDecode(ReadOnlySpan<byte> output)
    {
        // Other filters (LZW, run-length) are measured after the fact: their expansion is bounded (LZW's worst case is
        // about 1,400:1 of a stream the file size already bounds), unlike a chain of Flate filters.
        if (output.Length > options.MaxStreamBytes)
            Refuse($"PDF stream decodes to more than {options.MaxStreamBytes:N0} bytes (limit {nameof(PdfReaderOptions.MaxStreamBytes)})");
        _decoded += output.Length;
        if (_decoded > options.MaxDecodedBytes)
            Refuse($"PDF streams decode to more than {options.MaxDecodedBytes:N0} bytes in all (limit {nameof(PdfReaderOptions.MaxDecodedBytes)})");
        if (CMapRangeCheck.Refusal(output, options.MaxCMapRangeCodes) is { } refusal)
            Refuse(refusal);
    }

    /// <summary>
    /// How many bytes zlib data inflates to, counted up to one past <paramref name="limit"/> into a scratch buffer.
    /// The two-byte zlib header is skipped as PdfPig does; damaged data counts what inflated before the damage.
    /// </summary>
    internal static long InflatedLength(ReadOnlySpan<byte> zlib, long limit)
    {
        if (zlib.Length <= 2)
            return 0;
        using var compressed = new MemoryStream(zlib[2..].ToArray(), writable: false);
        using var inflate = new DeflateStream(compressed, CompressionMode.Decompress);
        var scratch = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while (total <= limit && (read = inflate.Read(scratch, 0, scratch.Length)) > 0)
                total += read;
        }
        catch (InvalidDataException)
        {
            // PdfPig keeps what inflated before damage too; what was counted is what it would hold.
        }
        return total;
    }

    private sealed class BoundedFilter(IFilter inner, BoundedFilterProvider owner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            owner.BeforeDecode(inner, input.Span);
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            owner.AfterDecode(output.Span);
            return output;
        }
    }
}
