using Ingest.Pipeline.Isolation;

namespace Ingest.Pipeline.Tests.Isolation;

/// <summary>Budgets as the command line takes them and as failure messages say them.</summary>
public sealed class BudgetTextTests
{
    [Theory]
    [InlineData("1G", 1L << 30)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("1gb", 1L << 30)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("512M", 512L << 20)]
    [InlineData(" 256 k ", 256L << 10)]
    [InlineData("65536", 65536)]
    [InlineData("100B", 100)]
    public void Sizes_are_read_in_binary_units(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var size));
        Assert.Equal(bytes, size.Bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("1T")]
    [InlineData("-1G")]
    [InlineData("1 gigabyte")]
    [InlineData("1e9")]
    public void Nonsense_sizes_are_refused(string text) => Assert.False(ByteSize.TryParse(text, out _));

    [Theory]
    [InlineData(1L << 30, "1 GiB")]
    [InlineData(3L << 29, "1.5 GiB")]
    [InlineData(384L << 20, "384 MiB")]
    [InlineData(64L << 10, "64 KiB")]
    [InlineData(100, "100 bytes")]
    public void Sizes_are_said_in_the_largest_unit_they_reach(long bytes, string text) => Assert.Equal(text, new ByteSize(bytes).ToString());

    [Theory]
    [InlineData("60", 60_000)]
    [InlineData("90s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5 min", 90_000)]
    public void Durations_are_seconds_or_carry_their_unit(string text, int milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("5h")]
    [InlineData("soon")]
    public void Durations_must_be_positive_and_in_a_known_unit(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public void Durations_are_said_in_seconds() =>
        Assert.Equal(["60 s", "0.5 s", "1.25 s"], new[] { 60, 0.5, 1.25 }.Select(s => DurationText.Format(TimeSpan.FromSeconds(s))));

    [Fact]
    public void The_heap_ceiling_leaves_room_for_what_is_not_heap()
    {
        Assert.Equal(ByteSize.FromMiB(896), new IsolationOptions().HeapLimit);
        Assert.Equal(ByteSize.FromMiB(96), new IsolationOptions { FileMemory = ByteSize.FromMiB(128) }.HeapLimit);
    }
}
