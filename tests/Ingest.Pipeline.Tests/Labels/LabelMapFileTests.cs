using Ingest.Pipeline.Labels;

namespace Ingest.Pipeline.Tests.Labels;

/// <summary>labels.csv on disk: a header and comments allowed, quoted cells read, a bad line named by its number in the file.</summary>
public sealed class LabelMapFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-labelmap-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_root, "labels.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Header_comments_blank_lines_and_quoted_cells()
    {
        var map = LabelMapFile.Load(Write("label,sheet kind,field\n# from the 2026 archive\n\n\"委託期間(予定)\",委託,委託の開始時期及び期限\n配布協力団体,*,委託先\n"));
        Assert.Equal(2, map.Count);
        Assert.Equal("委託の開始時期及び期限", map.Find("委託期間", "委託")!.Field);
        Assert.Equal(5, map.Find("配布協力団体", "委任")!.Line);
    }

    [Fact]
    public void A_bad_line_is_named_by_its_line_in_the_file()
    {
        var path = Write("label,sheet kind,field\n# comment\n受託者,委託,委託先\n実施予定,委託,委託期間\n");
        var error = Assert.Throws<FormatException>(() => LabelMapFile.Load(path));
        Assert.StartsWith($"{path}:4: unknown canonical field '委託期間'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_keeps_a_valid_map_with_the_index_and_refuses_a_bad_one()
    {
        var index = Path.Combine(_root, "index");
        Assert.True(LabelMapFile.ForIndex(index).IsEmpty);
        LabelMapFile.Install(Write("受託者,委託,委託先\n"), index);
        Assert.Equal(1, LabelMapFile.ForIndex(index).Count);
        Assert.Throws<FormatException>(() => LabelMapFile.Install(Write("受託者,委託,受託者\n"), index));
        Assert.Equal("委託先", LabelMapFile.ForIndex(index).Find("受託者", "委託")!.Field);
        Assert.Throws<FileNotFoundException>(() => LabelMapFile.Load(Path.Combine(_root, "missing.csv")));
    }
}
