using System.Net;
using System.Net.Sockets;
using Ingest.Cli.Commands;

namespace Ingest.Cli.Tests;

/// <summary>`ingest serve` refuses what would expose the archive or cannot work, each in one line with its exit code.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _index = Path.Combine(Path.GetTempPath(), "ingest-serve-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_index))
            Directory.Delete(_index, recursive: true);
    }

    [Fact]
    public void A_busy_port_is_one_line_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = ServeCommand.Run(_index, $"http://127.0.0.1:{port}", output, errors);

        Assert.Equal(1, code);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"cannot serve {_index} at http://127.0.0.1:{port}: ", line, StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void An_address_other_machines_reach_needs_allow_remote()
    {
        var errors = new StringWriter();

        var code = ServeCommand.Run(_index, "http://0.0.0.0:5080", new StringWriter(), errors);

        Assert.Equal(2, code);
        Assert.Equal("--urls http://0.0.0.0:5080 is reachable from other machines, and the archive holds personal information: pass --allow-remote to serve it there",
            errors.ToString().Trim());
    }
}
