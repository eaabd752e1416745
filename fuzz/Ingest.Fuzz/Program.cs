using Ingest.Fuzz;

// The fuzzing harness: one target per reader (text, pdf, docx, xlsx, zip). See fuzz/README.md.
//   Ingest.Fuzz TARGET                      read one input from afl-fuzz (SharpFuzz out-of-process mode; instrument first)
//   Ingest.Fuzz TARGET --libfuzzer          SharpFuzz's libFuzzer mode (with libfuzzer-dotnet)
//   Ingest.Fuzz TARGET --replay FILE...     run inputs once each and say how each ended
//   Ingest.Fuzz TARGET --mutate SEED SECONDS [MAX-INPUTS] [FINDINGS]   the plain in-process random-mutation fuzzer
//   Ingest.Fuzz --seeds DIR                 write the starting inputs, one folder per target
const string usage = "usage: Ingest.Fuzz TARGET [--libfuzzer | --replay FILE... | --mutate SEED SECONDS [MAX-INPUTS] [FINDINGS]] | Ingest.Fuzz --seeds DIR\n" +
                     "targets: text, pdf, docx, docx-xml, xlsx, xlsx-sheet, zip";
if (args.Length == 2 && args[0] == "--seeds")
{
    foreach (var (target, name, bytes) in Seeds.All())
    {
        Directory.CreateDirectory(Path.Combine(args[1], target));
        File.WriteAllBytes(Path.Combine(args[1], target, name), bytes);
    }
    return 0;
}
if (args.Length == 0 || FuzzTargets.Get(args[0]) is not { } run)
{
    Console.Error.WriteLine(usage);
    return 2;
}
var mode = args.Length > 1 ? args[1] : "--afl";
switch (mode)
{
    case "--afl":
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            run(copy.ToArray());
        });
        return 0;
    case "--libfuzzer":
        SharpFuzz.Fuzzer.LibFuzzer.Run(span => run(span.ToArray()));
        return 0;
    case "--replay":
        var failed = 0;
        foreach (var file in args.Skip(2))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                run(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: ended normally in {watch.ElapsedMilliseconds:N0} ms");
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine($"{file}: {e.GetType().Name} after {watch.ElapsedMilliseconds:N0} ms: {e.Message.ReplaceLineEndings(" ")}");
                Console.WriteLine(string.Join("\n", (e.StackTrace ?? string.Empty).Split('\n').Take(6)));
            }
        }
        return failed == 0 ? 0 : 1;
    case "--mutate" when args.Length >= 4 && int.TryParse(args[2], out var seed) && double.TryParse(args[3], out var seconds):
        var maxInputs = args.Length > 4 ? long.Parse(args[4]) : long.MaxValue;
        var findings = args.Length > 5 ? args[5] : Path.Combine("fuzz", "findings", args[0]);
        var seeds = Seeds.All().Where(s => s.Target == args[0]).Select(s => s.Bytes).ToArray();
        var fuzzer = new MutationFuzzer(args[0], run, seeds, seed, TimeSpan.FromSeconds(10), findings);
        var summary = fuzzer.Run(TimeSpan.FromSeconds(seconds), maxInputs);
        Console.WriteLine($"{args[0]}: {summary.Executions:N0} inputs in {summary.Elapsed.TotalSeconds:N0} s " +
                          $"({summary.Executions / Math.Max(1, summary.Elapsed.TotalSeconds):N0}/s), slowest {summary.Slowest.TotalMilliseconds:N0} ms, " +
                          $"{summary.Crashes} crashes, {summary.Hangs} hangs (seed {seed})");
        return summary.Crashes + summary.Hangs == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine(usage);
        return 2;
}
