using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Ingest.Core.Diagnostics;

namespace Ingest.Readers.Conversion;

/// <summary>Turns a file of a <see cref="ConvertedFormat"/> into the bytes of its .docx or .xlsx.</summary>
public interface IDocumentConverter
{
    Result<byte[]> Convert(ReadOnlyMemory<byte> content, ConvertedFormat format);
}

/// <summary>Where LibreOffice is and how long and how much memory one conversion may take.</summary>
public sealed record LibreOfficeOptions
{
    /// <summary>
    /// The <c>soffice</c> to run: a path, or null for <c>$INGEST_SOFFICE</c> when set, else <c>soffice</c> on the
    /// <c>PATH</c>. A path that does not exist is LibreOffice not installed.
    /// </summary>
    public string? Executable { get; init; }

    /// <summary>
    /// Wall-clock time one conversion may take, start-up included (a fresh profile's first start takes a few seconds);
    /// past it LibreOffice and everything it started are killed. Below the parser workers' 60 s file budget, so the file
    /// fails with this reason rather than the worker being killed.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Address space LibreOffice may map (<c>prlimit --as</c>): its memory is its own process's, not the parser worker's, so
    /// the worker's budget does not see it and this is its budget. LibreOffice 7.4 converted a fixture within 500 MB and
    /// aborted within 300 MB (measured 2026-12-07); 2 GiB leaves room for large documents.
    /// </summary>
    public long MaxAddressSpace { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Folder of converted files by content hash, so a file read again (a re-import after a change elsewhere, a reindex) is
    /// not converted again; null for <c>$INGEST_CONVERSION_CACHE</c>, else <c>$XDG_CACHE_HOME/ingest/conversions</c>
    /// (<c>~/.cache/ingest/conversions</c>). An empty string turns the cache off.
    /// </summary>
    public string? CacheFolder { get; init; }

    /// <summary>
    /// Most bytes the cache keeps; beyond it the files used longest ago are deleted (<see cref="ConversionCache"/>). A
    /// converted form is tens of kilobytes, so 1 GiB keeps the conversions of tens of thousands of files.
    /// </summary>
    public long MaxCacheBytes { get; init; } = 1L * 1024 * 1024 * 1024;

    /// <summary>Largest converted file accepted back (the readers' own size limit is 64 MiB).</summary>
    public long MaxOutputBytes { get; init; } = 64L * 1024 * 1024;
}

/// <summary>
/// Converts with LibreOffice in headless mode (<c>soffice --convert-to</c>), as a child process: under
/// <c>timeout</c>, which kills its whole process group (LibreOffice starts a launcher and the office itself) when the
/// time is up even if this process has died meanwhile, and under <c>prlimit</c> for its memory. Each conversion that runs
/// at the same time as another uses its own LibreOffice profile (<c>-env:UserInstallation</c>): two offices on one profile
/// collide on its lock and the second one silently converts nothing. Results are cached by content hash (<see cref="ConversionCache"/>).
/// </summary>
public sealed class LibreOfficeConverter(LibreOfficeOptions? options = null) : IDocumentConverter
{
    private readonly LibreOfficeOptions _options = options ?? new LibreOfficeOptions();

    /// <summary>
    /// Profile folders not in use by a conversion of this process, shared by every converter in it (two converters handing
    /// out the same folder would collide as two workers would); a new one is made when all are busy.
    /// </summary>
    private static readonly ConcurrentBag<string> _idleProfiles = [];
    private static int _profiles;

    /// <summary>Where this process keeps its LibreOffice profiles (removed with the process's temporary folder by the OS).</summary>
    private static readonly string ProfileRoot = Path.Combine(Path.GetTempPath(), "ingest-soffice", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The <c>soffice</c> this converter runs, or null when LibreOffice is not installed.</summary>
    public string? Executable => _executable.Value;

    private readonly Lazy<string?> _executable = new(() => Locate(options?.Executable));

    /// <summary>True when the installed LibreOffice declares an import filter for 一太郎 (none does so far: Debian's 7.x has none).</summary>
    public bool ReadsIchitaro => _ichitaro ??= Executable is { } soffice && DeclaresFilter(soffice, "Ichitaro");
    private bool? _ichitaro;

    public Result<byte[]> Convert(ReadOnlyMemory<byte> content, ConvertedFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        // A file converted before is read from the cache, with or without LibreOffice.
        var key = System.Convert.ToHexStringLower(SHA256.HashData(content.Span)) + format.TargetExtension;
        var cache = Cache();
        if (cache?.TryRead(key) is { } cached)
            return Result<byte[]>.Ok(cached);
        if (Executable is not { } soffice)
            return Result<byte[]>.Fail($"{format.Name}: read by converting it with LibreOffice, which is not installed (install {format.Package})");
        if (format == ConvertedFormat.Jtd && !ReadsIchitaro)
            return Result<byte[]>.Fail($"{format.Name}: the installed LibreOffice has no 一太郎 import filter; save it from 一太郎 as .docx (or .doc, .rtf) to import it");

        var work = Path.Combine(Path.GetTempPath(), "ingest-convert", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var profile = RentProfile();
        try
        {
            Directory.CreateDirectory(work);
            var input = Path.Combine(work, "source" + format.Extension);
            File.WriteAllBytes(input, content.ToArray());
            var run = Run(soffice, profile, input, work, format);
            var output = Path.Combine(work, "source" + format.TargetExtension);
            if (!File.Exists(output))
                return Result<byte[]>.Fail($"{format.Name}: LibreOffice did not convert it ({run})");
            var length = new FileInfo(output).Length;
            if (length > _options.MaxOutputBytes)
                return Result<byte[]>.Fail($"{format.Name}: converted file too large ({length:N0} bytes; limit {_options.MaxOutputBytes:N0})");
            var bytes = File.ReadAllBytes(output);
            cache?.Write(key, bytes);
            return Result<byte[]>.Ok(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return Result<byte[]>.Fail($"{format.Name}: conversion failed ({e.Message})");
        }
        finally
        {
            _idleProfiles.Add(profile);
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover in the temporary folder is harmless.
            }
        }
    }

    /// <summary>Runs one conversion; says how it ended when that is not plainly.</summary>
    private string Run(string soffice, string profile, string input, string outputFolder, ConvertedFormat format)
    {
        var seconds = Math.Max(0.1, _options.Timeout.TotalSeconds).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo
        {
            FileName = "timeout",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // timeout(1) puts itself and the office in a process group of their own and kills the group at the deadline.
        foreach (var argument in new[]
                 {
                     "--signal=KILL", seconds + "s",
                     "prlimit", "--as=" + _options.MaxAddressSpace, "--",
                     soffice, "-env:UserInstallation=" + new Uri(profile).AbsoluteUri,
                     "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                     "--convert-to", format.TargetExtension[1..] + ":" + (format.Target == ConversionTarget.Docx ? "MS Word 2007 XML" : "Calc MS Excel 2007 XML"),
                     "--outdir", outputFolder, input,
                 })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new IOException("could not start timeout(1)");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // timeout(1) ends the office itself; this wait only guards against timeout(1) misbehaving.
        if (!process.WaitForExit(_options.Timeout + TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            return $"over the {seconds} s conversion budget";
        }
        process.WaitForExit();
        return process.ExitCode switch
        {
            0 => LastLine(stderr.Result) is { Length: > 0 } said ? said : "it said nothing",
            124 or 137 => $"over the {seconds} s conversion budget",
            _ => $"exit code {process.ExitCode}" + (LastLine(stderr.Result + stdout.Result) is { Length: > 0 } line ? ": " + line : string.Empty),
        };
    }

    private static string LastLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? string.Empty;

    private static string RentProfile()
    {
        if (_idleProfiles.TryTake(out var profile))
            return profile;
        if (Interlocked.Exchange(ref _profilesSwept, 1) == 0)
            RemoveProfilesOfEndedProcesses();
        var slot = Interlocked.Increment(ref _profiles);
        return Path.Combine(ProfileRoot, slot.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int _profilesSwept;

    /// <summary>
    /// Profiles (half a megabyte each) are kept for the life of their process, and a parser worker may be killed without a
    /// chance to remove its own; the first conversion of each process removes those whose process has ended, and this
    /// process's go when it exits normally.
    /// </summary>
    private static void RemoveProfilesOfEndedProcesses()
    {
        var root = Path.GetDirectoryName(ProfileRoot)!;
        try
        {
            if (OperatingSystem.IsLinux() && Directory.Exists(root)) // a process that has ended has no /proc/PID
            {
                foreach (var folder in Directory.EnumerateDirectories(root))
                {
                    if (int.TryParse(Path.GetFileName(folder), out var pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
                        Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process removing the same folder, or one we may not touch: left as it is.
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (Directory.Exists(ProfileRoot))
                    Directory.Delete(ProfileRoot, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removed by the next process's sweep.
            }
        };
    }

    private ConversionCache? Cache() => CacheFolder() is { } folder ? new ConversionCache(folder, _options.MaxCacheBytes) : null;

    private string? CacheFolder()
    {
        var folder = _options.CacheFolder ?? Environment.GetEnvironmentVariable("INGEST_CONVERSION_CACHE");
        if (folder is null)
        {
            var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cacheHome))
            {
                var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                    return null;
                cacheHome = Path.Combine(home, ".cache");
            }
            folder = Path.Combine(cacheHome, "ingest", "conversions");
        }
        return folder.Length == 0 ? null : folder;
    }

    /// <summary>The executable: the option, <c>$INGEST_SOFFICE</c>, or <c>soffice</c> on the PATH; null when none exists.</summary>
    private static string? Locate(string? configured)
    {
        var named = configured ?? Environment.GetEnvironmentVariable("INGEST_SOFFICE");
        if (!string.IsNullOrEmpty(named))
            return File.Exists(named) ? Path.GetFullPath(named) : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length == 0)
                continue;
            var candidate = Path.Combine(folder, "soffice");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>
    /// Whether LibreOffice's configuration (the <c>.xcd</c> files of its <c>share/registry</c>) names an import filter
    /// containing <paramref name="name"/>.
    /// </summary>
    private static bool DeclaresFilter(string soffice, string name)
    {
        try
        {
            var program = Path.GetDirectoryName(new FileInfo(soffice).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? soffice);
            var registry = program is null ? null : Path.Combine(program, "..", "share", "registry");
            if (registry is null || !Directory.Exists(registry))
                return false;
            foreach (var file in Directory.EnumerateFiles(registry, "*.xcd"))
            {
                foreach (var line in File.ReadLines(file, Encoding.UTF8))
                {
                    if (line.Contains("oor:name=\"", StringComparison.Ordinal) && line.Contains(name, StringComparison.OrdinalIgnoreCase) && line.Contains("Filter", StringComparison.OrdinalIgnoreCase))
                        return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        return false;
    }
}
