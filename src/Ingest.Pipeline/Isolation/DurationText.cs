using System.Globalization;

namespace Ingest.Pipeline.Isolation;

/// <summary>Durations as a command line gives them (<c>60</c>, <c>60s</c>, <c>500ms</c>, <c>2m</c>) and as messages say them (<c>60 s</c>).</summary>
public static class DurationText
{
    /// <summary>Reads a number of seconds, or a number with <c>ms</c>, <c>s</c>, <c>m</c> or <c>min</c>; only positive durations.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        var digits = 0;
        while (digits < s.Length && (char.IsAsciiDigit(s[digits]) || s[digits] == '.'))
            digits++;
        if (!double.TryParse(s.AsSpan(0, digits), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number <= 0)
            return false;
        double? seconds = s[digits..].Trim().ToLowerInvariant() switch
        {
            "" or "s" => number,
            "ms" => number / 1000,
            "m" or "min" => number * 60,
            _ => null,
        };
        if (seconds is null || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            return false;
        duration = TimeSpan.FromSeconds(seconds.Value);
        return true;
    }

    /// <summary>Seconds, as the failure messages say them: <c>60 s</c>, <c>0.5 s</c>.</summary>
    public static string Format(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s");
}
