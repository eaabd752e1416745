using System.Diagnostics;
using System.Text;

namespace Ingest.Tests.Shared;

/// <summary>
/// Makes files and folders whose names are bytes that .NET cannot write (not UTF-8: CP932 as <c>unzip</c> leaves a Windows
/// zip, or bytes of no encoding). .NET encodes every path it passes as UTF-8, so the shell makes them: <c>printf</c> turns
/// octal escapes into the exact bytes. Linux only; <c>sh</c> and <c>printf</c> are part of every Debian system.
/// </summary>
internal static class RawNames
{
    /// <summary>The CP932 bytes of a name, as Windows writes it.</summary>
    public static byte[] Cp932(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932).GetBytes(name);
    }

    /// <summary>Writes <paramref name="content"/> to the file at <paramref name="name"/> (bytes, '/' between names) under <paramref name="folder"/>.</summary>
    public static void CreateFile(string folder, byte[] name, byte[] content)
    {
        var source = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(source, content);
            Shell(folder, "cat \"$1\" > \"$(printf \"$2\")\"", source, Octal(name));
        }
        finally
        {
            File.Delete(source);
        }
    }

    /// <summary>Makes the folder at <paramref name="name"/> (bytes, '/' between names) under <paramref name="parent"/>.</summary>
    public static void CreateFolder(string parent, byte[] name) => Shell(parent, "mkdir \"$(printf \"$1\")\"", Octal(name));

    /// <summary>Removes the file at <paramref name="name"/> under <paramref name="folder"/>.</summary>
    public static void Delete(string folder, byte[] name) => Shell(folder, "rm \"$(printf \"$1\")\"", Octal(name));

    /// <summary>Removes a whole folder, names .NET cannot pass included (<see cref="Directory.Delete(string, bool)"/> cannot).</summary>
    public static void DeleteTree(string folder) => Shell("/", "rm -rf -- \"$1\"", folder);

    private static string Octal(byte[] name) => string.Concat(name.Select(b => "\\" + Convert.ToString(b, 8).PadLeft(3, '0')));

    private static void Shell(string folder, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = folder, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", script, "sh" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"sh failed ({process.ExitCode}): {error}");
    }
}
