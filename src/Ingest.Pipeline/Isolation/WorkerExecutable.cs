using System.Reflection;

namespace Ingest.Pipeline.Isolation;

/// <summary>
/// How to start a parser worker: the program and the arguments before the worker's own. Workers are the <c>ingest</c>
/// executable itself in its hidden <c>worker</c> mode, so they run the very pipeline the importer was built with.
/// </summary>
/// <param name="FileName">The program: the <c>ingest</c> apphost, or the <c>dotnet</c> host.</param>
/// <param name="Arguments">What comes before <c>worker</c>: the path of <c>ingest.dll</c> when the host is <c>dotnet</c>.</param>
public sealed record WorkerExecutable(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The running <c>ingest</c> command, started the way it was started itself (<c>ingest …</c> or <c>dotnet ingest.dll …</c>).</summary>
    public static WorkerExecutable Self()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        if (!IsDotnetHost(process))
            return new WorkerExecutable(process, []);
        var assembly = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(assembly))
            throw new InvalidOperationException("the entry assembly has no file to start a worker from");
        return new WorkerExecutable(process, [assembly]);
    }

    /// <summary>
    /// <c>ingest.dll</c> at <paramref name="assemblyPath"/> under the <c>dotnet</c> host: for tests and tools that are not
    /// <c>ingest</c> themselves. The host is the one running this process when it is <c>dotnet</c>, else the SDK's
    /// (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> on the PATH.
    /// </summary>
    public static WorkerExecutable ForAssembly(string assemblyPath)
    {
        var host = Environment.ProcessPath is { } process && IsDotnetHost(process)
            ? process
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } sdkHost ? sdkHost : "dotnet";
        return new WorkerExecutable(host, [assemblyPath]);
    }

    private static bool IsDotnetHost(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
}
