using System.Text;
using Ingest.Core.Records;
using Ingest.Extraction.Labels;
using Ingest.Pipeline;

namespace Ingest.Extraction.Tests.Segmentation;

/// <summary>Label matching and the refusal of input that is not a submission.</summary>
public sealed class TextReaderAndLabelTests
{
    [Theory]
    [InlineData("保有課(担当課)", "保有課")]
    [InlineData("保有課（担当課）", "保有課")]
    [InlineData("保 有 課", "保有課")]
    [InlineData("結合される情報項目(だれの、どのような項目か)", "結合される情報項目")]
    [InlineData("結合の開始時期及び期間", "結合の開始時期と期間")]
    [InlineData("委任の開始時期と期限", "委任の開始時期及び期限")]
    [InlineData("委託先に行わせる情報保護対策", "受託事業者に行わせる情報保護対策")]
    [InlineData("記録される情報項目【だれの、どのような項目が、どこのコンピュータに記録されるのか】", "記録される情報項目")]
    public void Label_variants_map_to_the_canonical_label(string written, string canonical)
    {
        Assert.Equal(canonical, LabelCatalog.Sheets.Canonicalise(written, out var known));
        Assert.True(known);
    }

    [Fact]
    public void Unknown_labels_are_kept_under_their_own_text()
    {
        Assert.Equal("提供先の名称", LabelCatalog.Sheets.Canonicalise("提供先の 名称", out var known));
        Assert.False(known);
    }

    [Fact]
    public void Binary_and_empty_files_are_refused_with_a_reason()
    {
        var binary = IngestPipeline.Default.Extract(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00, 0x9F }, "x.txt");
        Assert.False(binary.Succeeded);
        Assert.Contains("not text", binary.Error);
        var empty = IngestPipeline.Default.Extract(Array.Empty<byte>(), "empty.txt");
        Assert.Equal("empty file", empty.Error);
        var blank = IngestPipeline.Default.Extract(Encoding.UTF8.GetBytes(" \n\t\n"), "blank.txt");
        Assert.False(blank.Succeeded);
    }

    [Fact]
    public void Text_that_is_no_submission_yields_no_record()
    {
        var result = IngestPipeline.Default.Extract(Encoding.UTF8.GetBytes("今日は良い天気です。\n明日は雨でしょう。\n"), "note.txt");
        Assert.False(result.Succeeded);
        Assert.Contains("no submission", result.Error);
    }

    [Fact]
    public void Utf16_with_and_without_bom_reads_the_same_record()
    {
        var text = "個人情報保護管理運営会議 付議事項\n件名\tテストの外部結合について\n保有課\t情報政策課\n結合の相手方\tJ-LIS\n";
        var withBom = IngestPipeline.Default.Extract(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), "a.txt");
        var withoutBom = IngestPipeline.Default.Extract(Encoding.Unicode.GetBytes(text), "b.txt");
        var a = Assert.Single(withBom.Submissions);
        var b = Assert.Single(withoutBom.Submissions);
        Assert.Equal("utf-16le", a.Source.Encoding);
        Assert.Equal("utf-16le", b.Source.Encoding);
        Assert.Equal(a.Sheets.Single().Partners, b.Sheets.Single().Partners);
        Assert.Equal(["地方公共団体情報システム機構"], a.Sheets.Single().Partners);
    }

    [Fact]
    public void Records_serialise_with_the_contract_keys()
    {
        var r = TestFiles.ExtractOne(TestFiles.Seed("001"));
        var json = RecordJson.Serialize(new[] { r });
        foreach (var key in new[] { "\"source\"", "\"sha256\"", "\"council\"", "\"documentKind\"", "\"procedure\"", "\"documentNumber\"", "\"title\"", "\"basis\"", "\"instrument\"", "\"article\"", "\"department\"", "\"fiscalYear\"", "\"overview\"", "\"priorApprovals\"", "\"sheets\"", "\"fields\"", "\"partners\"", "\"period\"", "\"recurrence\": \"ongoing\"", "\"start\": \"2019-04-01\"", "\"firstStarted\"", "\"changedFields\"", "\"checklists\"" })
            Assert.Contains(key, json);
        Assert.Contains("戸籍住民課", json); // Japanese is not escaped
        var back = RecordJson.Deserialize<SubmissionRecord[]>(json)!;
        Assert.Equal(r.Sheets[0].Fields["結合の相手方"], back[0].Sheets[0].Fields["結合の相手方"]);
    }
}
