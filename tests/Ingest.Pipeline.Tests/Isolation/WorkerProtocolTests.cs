using System.Text;
using Ingest.Core.Records;
using Ingest.Pipeline.Isolation;

namespace Ingest.Pipeline.Tests.Isolation;

/// <summary>The frames between importer and worker carry any path and any bytes, and a record arrives as it left.</summary>
public sealed class WorkerProtocolTests
{
    [Fact]
    public void A_request_carries_any_path_and_bytes_and_the_stream_then_ends_cleanly()
    {
        using var pipe = new MemoryStream();
        var content = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        WorkerProtocol.WriteRequest(pipe, "令和6年度/資料\n40\u001b.pdf", content);
        WorkerProtocol.WriteRequest(pipe, "empty.txt", []);
        pipe.Position = 0;

        var first = WorkerProtocol.ReadRequest(pipe);
        var second = WorkerProtocol.ReadRequest(pipe);

        Assert.Equal("令和6年度/資料\n40\u001b.pdf", first!.Value.Path);
        Assert.Equal(content, first.Value.Content);
        Assert.Equal("empty.txt", second!.Value.Path);
        Assert.Empty(second.Value.Content);
        Assert.Null(WorkerProtocol.ReadRequest(pipe));
    }

    [Fact]
    public void A_request_cut_short_is_an_error_not_an_end()
    {
        using var whole = new MemoryStream();
        WorkerProtocol.WriteRequest(whole, "a.txt", new byte[100]);
        using var cut = new MemoryStream(whole.ToArray()[..50]);
        Assert.Throws<EndOfStreamException>(() => WorkerProtocol.ReadRequest(cut));
    }

    [Fact]
    public void An_extraction_arrives_as_it_left()
    {
        var text = """
            付議事項
            件名　住民基本台帳の外部結合について
            担当部課　区民部戸籍住民課
            """;
        var extraction = IngestPipeline.Default.Extract(Encoding.UTF8.GetBytes(text), "seeds/a.txt");
        var failed = new FileExtraction
        {
            Path = "b.pdf",
            Sha256 = "00",
            Error = "crashed the parser (stack overflow)",
            Diagnostics = [new Core.Diagnostics.Diagnostic(Core.Diagnostics.Severity.Warning, "b.pdf", "page 3 skipped")],
        };
        using var pipe = new MemoryStream();
        WorkerProtocol.WriteResponse(pipe, extraction);
        WorkerProtocol.WriteResponse(pipe, failed);
        pipe.Position = 0;

        var back = WorkerProtocol.ReadResponse(pipe)!;
        var backFailed = WorkerProtocol.ReadResponse(pipe)!;

        Assert.True(back.Succeeded);
        Assert.Equal(RecordJson.Serialize(extraction.Submissions), RecordJson.Serialize(back.Submissions));
        Assert.Equal((extraction.Path, extraction.Sha256, extraction.Format), (back.Path, back.Sha256, back.Format));
        Assert.Equal(extraction.Diagnostics, back.Diagnostics);
        Assert.False(backFailed.Succeeded);
        Assert.Equal(failed.Error, backFailed.Error);
        Assert.Equal(failed.Diagnostics, backFailed.Diagnostics);
        Assert.Null(WorkerProtocol.ReadResponse(pipe));
    }

    [Fact]
    public void The_ready_signal_is_an_empty_frame()
    {
        using var pipe = new MemoryStream();
        WorkerProtocol.WriteReady(pipe);
        pipe.Position = 0;
        Assert.True(WorkerProtocol.ReadReady(pipe));
        Assert.False(WorkerProtocol.ReadReady(pipe));
    }
}
