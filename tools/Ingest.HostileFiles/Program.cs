using System.Diagnostics;
using Ingest.HostileFiles;

// Writes the hostile-file corpus: every case of HostileCases up to HostileCase.CommitLimitBytes (all with --all).
// Usage: Ingest.HostileFiles <output folder> [--all]
if (args.Length is < 1 or > 2 || (args.Length == 2 && args[1] != "--all"))
{
    Console.Error.WriteLine("usage: Ingest.HostileFiles <output folder> [--all]");
    return 2;
}
var output = args[0];
var all = args.Length == 2;
Directory.CreateDirectory(output);
foreach (var hostile in HostileCases.All)
{
    var watch = Stopwatch.StartNew();
    var bytes = hostile.Make();
    var written = all || bytes.Length <= HostileCase.CommitLimitBytes;
    if (written)
        File.WriteAllBytes(Path.Combine(output, hostile.Name), bytes);
    Console.WriteLine($"{(written ? "wrote" : "kept in memory"),-15} {hostile.Name,-40} {bytes.Length,12:N0} bytes  {watch.ElapsedMilliseconds,6:N0} ms  {hostile.Attack}");
}
return 0;
