using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

/// <summary>Benchmarks: <c>dotnet run -c Release --project bench/Ingest.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
