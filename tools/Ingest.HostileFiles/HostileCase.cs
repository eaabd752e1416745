namespace Ingest.HostileFiles;

/// <summary>
/// One class of hostile file: its file name (the extension is what an archive walk would see), what it attacks, and how
/// to make it. <see cref="ExpectedReason"/>, when set, is a phrase the clean one-line error must contain.
/// </summary>
public sealed record HostileCase(string Name, string Attack, Func<byte[]> Make, string? ExpectedReason = null)
{
    /// <summary>Cases larger than this are made in memory by the tests and not written to the committed corpus.</summary>
    public const int CommitLimitBytes = 256 * 1024;

    public override string ToString() => Name;
}
