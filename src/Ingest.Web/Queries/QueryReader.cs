using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ingest.Web.Queries;

/// <summary>The outcome of reading a query string: a value, or the Japanese messages that explain why it was refused.</summary>
public sealed record QueryParse<T>(T? Value, IReadOnlyList<string> Errors) where T : class
{
    public bool Succeeded => Errors.Count == 0 && Value is not null;
}

/// <summary>
/// Reads typed parameters from a query string and collects a Japanese message for each bad one, so a malformed URL gets a
/// 400 page listing every problem at once. Digits are NFKC-folded first, since Japanese input methods often type
/// full-width ones (２０２４). An empty parameter counts as absent (an empty form field).
/// </summary>
internal sealed class QueryReader(IQueryCollection query)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>A text parameter of at most <paramref name="maxLength"/> characters, trimmed; null when absent.</summary>
    public string? Text(string name, string label, int maxLength)
    {
        if (!Single(name, label, out var raw))
            return null;
        var value = raw.Trim();
        if (value.Length > maxLength)
        {
            _errors.Add($"{label}が長すぎます（{maxLength}文字まで）。");
            return null;
        }
        if (value.Any(c => char.IsControl(c) && c is not '\t'))
        {
            _errors.Add($"{label}に使えない制御文字が含まれています。");
            return null;
        }
        return value.Length == 0 ? null : value;
    }

    /// <summary>An integer parameter within [<paramref name="min"/>, <paramref name="max"/>]; null when absent.</summary>
    public int? Integer(string name, string label, int min, int max)
    {
        if (!Single(name, label, out var raw))
            return null;
        var value = raw.Normalize(NormalizationForm.FormKC).Trim();
        if (value.Length == 0)
            return null;
        if (value.Length > 9 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            _errors.Add($"{label}は半角数字で入力してください（「{Shorten(raw)}」は読み取れません）。");
            return null;
        }
        if (number < min || number > max)
        {
            _errors.Add($"{label}は{min}から{max}までの数で指定してください。");
            return null;
        }
        return number;
    }

    /// <summary>A date parameter written YYYY-MM-DD; null when absent.</summary>
    public DateOnly? Date(string name, string label)
    {
        if (!Single(name, label, out var raw))
            return null;
        var value = raw.Normalize(NormalizationForm.FormKC).Trim();
        if (value.Length == 0)
            return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _errors.Add($"{label}は「2025-04-01」の形で指定してください（「{Shorten(raw)}」は日付として読めません）。");
            return null;
        }
        return date;
    }

    /// <summary>Records a cross-parameter problem (e.g. a year range the wrong way round).</summary>
    public void Fail(string message) => _errors.Add(message);

    private bool Single(string name, string label, out string value)
    {
        value = string.Empty;
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
            return false;
        if (values.Count > 1)
        {
            _errors.Add($"{label}が複数指定されています。");
            return false;
        }
        value = values[0] ?? string.Empty;
        if (HasLoneSurrogate(value))
        {
            // Not text at all (broken UTF-16); normalisation and analysis would throw on it.
            _errors.Add($"{label}に文字として読めない部分があります。");
            value = string.Empty;
            return false;
        }
        return value.Length > 0;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }

    // Echoed input is cut so a hostile URL cannot blow up the error page.
    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
