using System.CommandLine;
using System.CommandLine.Parsing;
using Ingest.Pipeline;
using Ingest.Pipeline.Isolation;
using Ingest.Pipeline.Labels;

namespace Ingest.Cli.Commands;

/// <summary>Where the commands that parse files (<c>import</c>, <c>extract</c>) run their parsers, and with which budgets.</summary>
/// <param name="InProcess">Parse in this process: no worker start-up, no budgets; a parser's crash ends the command.</param>
/// <param name="Budgets">Per-file time, per-worker memory and parse stack of the isolated workers.</param>
internal sealed record ParsingSettings(bool InProcess, IsolationOptions Budgets)
{
    /// <summary>In-process parsing with default budgets: what the commands' <c>Run</c> methods use when called directly (tests).</summary>
    public static ParsingSettings InThisProcess { get; } = new(true, new IsolationOptions());

    /// <summary>
    /// The extractor these settings ask for, mapping labels with the staff label map at <paramref name="labelMapPath"/> too
    /// when one is given (workers read it themselves); dispose it (it may be a pool of processes) when done. A bad label map
    /// raises <see cref="FormatException"/> naming its line, before any worker starts.
    /// </summary>
    public IFileExtractor CreateExtractor(int workers, string? labelMapPath = null)
    {
        var labels = labelMapPath is null ? null : LabelMapFile.Load(labelMapPath);
        if (InProcess)
            return labels is null ? IngestPipeline.Default : IngestPipeline.Default.WithLabels(labels);
        return new IsolatedExtractor(WorkerExecutable.Self(), Budgets with { LabelMap = labelMapPath is null ? null : Path.GetFullPath(labelMapPath) }, workers);
    }
}

/// <summary>The command-line options behind <see cref="ParsingSettings"/>, defined once for every command that parses files.</summary>
internal sealed class ParsingOptions
{
    private static readonly IsolationOptions Defaults = new();

    // Nullable and without a default value, so that help says "60 s" (in the description) rather than "00:01:00".
    private readonly Option<TimeSpan?> _fileTimeout = new("--file-timeout")
    {
        Description = $"Wall-clock budget of one file in its parser process, in seconds or with a unit: 90s, 2m (default {DurationText.Format(Defaults.FileTimeout)}); past it the file fails and its parser is restarted.",
        CustomParser = ParseTimeout,
    };

    private readonly Option<ByteSize> _fileMemory = new("--file-memory")
    {
        Description = "Memory budget of each parser process: 1G, 512M; a file that needs more fails and its parser is restarted.",
        DefaultValueFactory = _ => Defaults.FileMemory,
        CustomParser = result => ParseSize(result, Defaults.FileMemory, IsolationOptions.MinFileMemory, maximum: null),
    };

    private readonly Option<ByteSize> _parseStack = new("--parse-stack")
    {
        Description = "Stack of each parser process's parsing thread; a file that makes the parsers recurse deeper crashes its parser.",
        DefaultValueFactory = _ => Defaults.ParseStack,
        CustomParser = result => ParseSize(result, Defaults.ParseStack, IsolationOptions.MinParseStack, maximum: new ByteSize(int.MaxValue)),
        Hidden = true,
    };

    private readonly Option<bool> _inProcess = new("--in-process")
    {
        Description = "Parse in this process instead of isolated parser processes: starts faster, but has no time or memory budget, and a parser crash ends the run.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_fileTimeout);
        command.Options.Add(_fileMemory);
        command.Options.Add(_parseStack);
        command.Options.Add(_inProcess);
    }

    public ParsingSettings Read(ParseResult parse) => new(parse.GetValue(_inProcess), new IsolationOptions
    {
        FileTimeout = parse.GetValue(_fileTimeout) ?? Defaults.FileTimeout,
        FileMemory = parse.GetValue(_fileMemory),
        ParseStack = parse.GetValue(_parseStack),
    });

    private static TimeSpan? ParseTimeout(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
            return null;
        var text = result.Tokens[0].Value;
        if (DurationText.TryParse(text, out var timeout))
            return timeout;
        result.AddError($"--file-timeout '{text}': expected seconds, or a number with ms, s or m (60, 90s, 2m)");
        return null;
    }

    private static ByteSize ParseSize(ArgumentResult result, ByteSize fallback, ByteSize minimum, ByteSize? maximum)
    {
        if (result.Tokens.Count == 0)
            return fallback;
        var text = result.Tokens[0].Value;
        var name = (result.Parent as OptionResult)?.Option.Name ?? "size";
        if (!ByteSize.TryParse(text, out var size))
            result.AddError($"{name} '{text}': expected a size such as 1G, 512M or 256K");
        else if (size < minimum)
            result.AddError($"{name} '{text}': at least {minimum}");
        else if (size > maximum)
            result.AddError($"{name} '{text}': at most {maximum}");
        return size;
    }
}
