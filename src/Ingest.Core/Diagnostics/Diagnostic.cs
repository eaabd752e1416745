namespace Ingest.Core.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A message about one file, for the person running the import: which file and why.</summary>
public sealed record Diagnostic(Severity Severity, string Path, string Message)
{
    public override string ToString() => $"{Path}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}

/// <summary>
/// The outcome of an operation that can fail for expected reasons (a bad file):
/// either a value or a reason, plus any warnings met on the way. Never thrown.
/// </summary>
public sealed record Result<T>
{
    public T? Value { get; private init; }
    public string? Error { get; private init; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; private init; } = [];

    public bool Succeeded => Error is null;

    public static Result<T> Ok(T value, IReadOnlyList<Diagnostic>? diagnostics = null) =>
        new() { Value = value, Diagnostics = diagnostics ?? [] };

    public static Result<T> Fail(string error, IReadOnlyList<Diagnostic>? diagnostics = null) =>
        new() { Error = error, Diagnostics = diagnostics ?? [] };
}
