using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Ingest.Pipeline.Isolation;

/// <summary>
/// The parser process's side (<c>ingest worker</c>): says it is ready, then reads one request at a time from standard
/// input, runs the whole pipeline on it (<see cref="IngestPipeline.Extract"/>) on a thread whose stack is
/// <see cref="IsolationOptions.ParseStack"/>, and answers on standard output. A parser that throws is reported and the worker goes on; one that runs out of memory
/// ends the worker (<see cref="OverMemoryExitCode"/>) so the next file starts with a fresh heap. Stack overflows and hangs
/// cannot be caught here: the parent sees the process die or kills it.
/// </summary>
public static partial class ExtractionWorker
{
    /// <summary>Exit status of a worker whose parser ran out of its managed heap (an <see cref="OutOfMemoryException"/>).</summary>
    public const int OverMemoryExitCode = 70;

    /// <summary>Exit status of a worker that noticed its parent was gone.</summary>
    public const int ParentGoneExitCode = 71;

    /// <summary>Serves requests until <paramref name="input"/> ends; returns the process's exit status.</summary>
    public static int Run(Stream input, Stream output, IngestPipeline pipeline, ByteSize parseStack)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        WatchParent();
        var code = 0;
        var thread = new Thread(() => code = Serve(input, output, pipeline), checked((int)parseStack.Bytes)) { Name = "parse" };
        thread.Start();
        thread.Join();
        return code;
    }

    private static int Serve(Stream input, Stream output, IngestPipeline pipeline)
    {
        try
        {
            WorkerProtocol.WriteReady(output);
            while (WorkerProtocol.ReadRequest(input) is { } request)
                WorkerProtocol.WriteResponse(output, Extract(pipeline, request.Content, request.Path));
            return 0;
        }
        catch (OutOfMemoryException)
        {
            return OverMemoryExitCode;
        }
        catch (IOException)
        {
            return ParentGoneExitCode; // the pipes broke: nobody is left to answer
        }
    }

    private static FileExtraction Extract(IngestPipeline pipeline, byte[] content, string path)
    {
        try
        {
            return pipeline.Extract(content, path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new FileExtraction { Path = path, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Error = ParserFailure.Threw(e) };
        }
    }

    /// <summary>
    /// Ends the worker when the importer is gone (killed, say): its standard input then closes, but a worker busy on a file
    /// that hangs would not read it for a long time. On Linux the parent process id changes when the parent dies.
    /// </summary>
    private static void WatchParent()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var parent = GetParentProcessId();
        var watch = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(500);
                if (GetParentProcessId() != parent)
                    Environment.Exit(ParentGoneExitCode);
            }
        }) { IsBackground = true, Name = "parent watch" };
        watch.Start();
    }

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();
}
