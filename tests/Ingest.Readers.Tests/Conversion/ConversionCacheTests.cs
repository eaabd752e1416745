using Ingest.Readers.Conversion;

namespace Ingest.Readers.Tests.Conversion;

/// <summary>The conversion cache stays under its size, keeping what was used last, and clears what killed writers left.</summary>
public sealed class ConversionCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ingest-conversion-cache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Bytes(int length, byte fill) => Enumerable.Repeat(fill, length).ToArray();

    private void Age(string name, TimeSpan age) => File.SetLastWriteTimeUtc(Path.Combine(_folder, name), DateTime.UtcNow - age);

    [Fact]
    public void Over_its_size_the_cache_deletes_the_files_used_longest_ago()
    {
        var cache = new ConversionCache(_folder, maxBytes: 3_000);
        cache.Write("a.docx", Bytes(1_000, 1));
        cache.Write("b.docx", Bytes(1_000, 2));
        cache.Write("c.docx", Bytes(1_000, 3));
        Age("a.docx", TimeSpan.FromDays(3));
        Age("b.docx", TimeSpan.FromDays(2));
        Age("c.docx", TimeSpan.FromDays(1));

        Assert.Equal(Bytes(1_000, 1), cache.TryRead("a.docx")); // read now: the last to go
        cache.Write("d.docx", Bytes(1_000, 4)); // 4,000 bytes: one file too many

        Assert.Null(cache.TryRead("b.docx"));
        Assert.Equal(["a.docx", "c.docx", "d.docx"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Bytes(1_000, 3), cache.TryRead("c.docx"));

        // A file larger than the whole cache is not kept (nor, to make room for it, is anything else).
        cache.Write("e.xlsx", Bytes(5_000, 5));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Temporary_files_a_killed_writer_left_go_after_an_hour_and_fresh_ones_stay()
    {
        var cache = new ConversionCache(_folder, maxBytes: 1L << 30);
        File.WriteAllBytes(Path.Combine(_folder, ".old.docx.123.abc"), Bytes(10, 1));
        File.WriteAllBytes(Path.Combine(_folder, ".new.docx.456.def"), Bytes(10, 1));
        Age(".old.docx.123.abc", TimeSpan.FromHours(2));

        cache.Write("a.docx", Bytes(10, 2));

        Assert.Equal([".new.docx.456.def", "a.docx"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cache_it_cannot_write_to_only_costs_conversions()
    {
        var file = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(file, "x");
        var cache = new ConversionCache(file, maxBytes: 1_000);
        cache.Write("a.docx", Bytes(10, 1));
        Assert.Null(cache.TryRead("a.docx"));
        cache.Prune(DateTime.UtcNow);
    }
}
