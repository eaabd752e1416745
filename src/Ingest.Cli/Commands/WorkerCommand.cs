using System.CommandLine;
using Ingest.Pipeline;
using Ingest.Pipeline.Isolation;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest worker [--parse-stack BYTES]</c>, hidden: a parser process of <see cref="IsolatedExtractor"/>. It speaks
/// <c>WorkerProtocol</c> on standard input and output and is started by <c>import</c> and <c>extract</c>, never by hand.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var stack = new Option<long>("--parse-stack") { Description = "Stack of the parsing thread, in bytes.", DefaultValueFactory = _ => new IsolationOptions().ParseStack.Bytes };
        var command = new Command("worker", "A parser process for import and extract (started by them).") { stack };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var protocol = Console.OpenStandardOutput();
            // Standard output belongs to the protocol: anything a library prints goes to standard error instead.
            Console.SetOut(Console.Error);
            return ExtractionWorker.Run(Console.OpenStandardInput(), protocol, IngestPipeline.Default, new ByteSize(parse.GetValue(stack)));
        });
        return command;
    }
}
