using System.CommandLine;
using Ingest.Pipeline;
using Ingest.Pipeline.Isolation;
using Ingest.Pipeline.Labels;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest worker [--parse-stack BYTES] [--labels FILE]</c>, hidden: a parser process of <see cref="IsolatedExtractor"/>. It speaks
/// <c>WorkerProtocol</c> on standard input and output and is started by <c>import</c> and <c>extract</c>, never by hand.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var stack = new Option<long>("--parse-stack") { Description = "Stack of the parsing thread, in bytes.", DefaultValueFactory = _ => new IsolationOptions().ParseStack.Bytes };
        var labels = new Option<string?>("--labels") { Description = "A label map (labels.csv) to map labels with as well." };
        var command = new Command("worker", "A parser process for import and extract (started by them).") { stack, labels };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var protocol = Console.OpenStandardOutput();
            // Standard output belongs to the protocol: anything a library prints goes to standard error instead.
            Console.SetOut(Console.Error);
            // The parent validated the label map before starting its workers.
            var pipeline = parse.GetValue(labels) is { } labelMap ? IngestPipeline.Default.WithLabels(LabelMapFile.Load(labelMap)) : IngestPipeline.Default;
            return ExtractionWorker.Run(Console.OpenStandardInput(), protocol, pipeline, new ByteSize(parse.GetValue(stack)));
        });
        return command;
    }
}
