using System.Text;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// Lines written above a live Spectre progress bar. Written straight to the terminal, a line lands wherever the bar left
/// the cursor and the next redraw cuts it off; written through the console that draws the bar, it goes above the bar
/// whole. The text is written as it is, unwrapped (the terminal folds a long line, so it stays one line when copied);
/// callers escape it first (<see cref="Core.Diagnostics.ConsoleText"/>), so it holds no control characters.
/// </summary>
internal sealed class AboveProgressWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value) => console.Write(new ControlCode((value ?? string.Empty) + "\n"));

    public override void Write(char value) => console.Write(new ControlCode(value.ToString()));
}
