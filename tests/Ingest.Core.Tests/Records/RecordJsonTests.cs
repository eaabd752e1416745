using System.Text.Json;
using Ingest.Core.Records;

namespace Ingest.Core.Tests.Records;

/// <summary>
/// The record contract's JSON is read and written through build-time metadata (no reflection over the record types at
/// start), with the contract's spelling unchanged: camelCase keys, enums as camelCase words, dates as YYYY-MM-DD, absent
/// optional OCR fields left out, Japanese unescaped.
/// </summary>
public sealed class RecordJsonTests
{
    private static SubmissionRecord Sample() => new()
    {
        Source = new SourceInfo { Path = "/archive/令和8年度/資料1.txt", Sha256 = new string('b', 64), Format = "text", Encoding = "utf-8" },
        Title = "住民基本台帳ネットワークシステムとの外部結合について",
        FiscalYear = 2026,
        Overview = new Dictionary<string, string> { ["事業の名称"] = "住民基本台帳事務" },
        Sheets =
        [
            new SheetRecord
            {
                Type = "外部結合",
                Partners = ["地方公共団体情報システム機構"],
                Period = new Period { Text = "令和8年4月1日から", Start = new DateOnly(2026, 4, 1), Recurrence = Recurrence.Annual },
                Labels = new Dictionary<string, LabelMapping> { ["結合の相手方"] = new() { Field = "結合の相手方", How = LabelHow.Inferred, Confidence = 0.75 } },
            },
        ],
        Ordinal = 1,
    };

    [Fact]
    public void Record_types_use_the_generated_metadata()
    {
        Assert.IsType<RecordJsonContext>(RecordJson.Options.GetTypeInfo(typeof(SubmissionRecord)).OriginatingResolver);
        Assert.IsType<RecordJsonContext>(RecordJson.Compact.GetTypeInfo(typeof(SheetRecord)).OriginatingResolver);
    }

    [Fact]
    public void The_contract_spelling_is_kept_and_reads_back_the_same()
    {
        var json = RecordJson.Serialize(Sample(), indented: false);
        Assert.Contains("\"source\":{\"path\":\"/archive/令和8年度/資料1.txt\"", json, StringComparison.Ordinal);
        Assert.Contains("\"recurrence\":\"annual\"", json, StringComparison.Ordinal);
        Assert.Contains("\"how\":\"inferred\"", json, StringComparison.Ordinal);
        Assert.Contains("\"start\":\"2026-04-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fiscalYear\":2026", json, StringComparison.Ordinal);
        // Absent OCR fields are left out; the computed NeedsReview is never written.
        Assert.DoesNotContain("\"ocr", json, StringComparison.Ordinal);
        Assert.DoesNotContain("needsReview", json, StringComparison.OrdinalIgnoreCase);

        var back = RecordJson.Deserialize<SubmissionRecord>(json)!;
        Assert.Equal(json, RecordJson.Serialize(back, indented: false));
        Assert.Equal(Recurrence.Annual, back.Sheets[0].Period!.Recurrence);
        Assert.Equal(LabelHow.Inferred, back.Sheets[0].Labels["結合の相手方"].How);
        Assert.Equal("住民基本台帳事務", back.Overview["事業の名称"]);
    }

    [Fact]
    public void Other_types_still_serialise_by_reflection()
    {
        var json = JsonSerializer.Serialize(new { Kind = Recurrence.Ongoing, When = new DateOnly(2025, 1, 2) }, RecordJson.Compact);
        Assert.Equal("{\"kind\":\"ongoing\",\"when\":\"2025-01-02\"}", json);
    }

    [Fact]
    public void Collections_missing_from_an_older_stored_record_read_as_empty()
    {
        var record = RecordJson.Deserialize<SubmissionRecord>(
            "{\"source\":{\"path\":\"a.txt\",\"sha256\":\"00\",\"format\":\"text\"},\"sheets\":[{\"type\":\"委託\"}],\"checklists\":[{\"title\":\"チェックリスト\"}]}")!;
        Assert.Empty(record.Overview);
        Assert.Empty(record.PriorApprovals);
        var sheet = Assert.Single(record.Sheets);
        Assert.Empty(sheet.Fields);
        Assert.Empty(sheet.Partners);
        Assert.Empty(sheet.ChangedFields);
        Assert.Empty(sheet.Labels);
        Assert.Null(sheet.Review);
        Assert.Empty(Assert.Single(record.Checklists).Items);
    }
}
