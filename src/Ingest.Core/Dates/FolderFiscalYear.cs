using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Core.Dates;

/// <summary>
/// The fiscal year an archive's folder and file names give, the way offices file their packets: 令和6年度/第5回/資料40.pdf,
/// R6_第5回, H30, 2024年度. The nearest name wins (a file name over its folder; a zip's inner folders count). The one
/// place this rule lives: extraction and the importer's archive metadata both ask it. Pure.
/// </summary>
public static partial class FolderFiscalYear
{
    /// <summary>The fiscal year named by the nearest segment of <paramref name="path"/> that names one, or null.</summary>
    public static FiscalYear? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var segment in Segments(path).Reverse())
        {
            if (FromName(segment) is { } year)
                return year;
        }
        return null;
    }

    /// <summary>The segments of a path, folders first; zip paths (<c>a.zip!/b/c.pdf</c>) count their inner folders too. NFKC, so ２０２４年度 and Ｒ６ read as written in ASCII.</summary>
    public static IEnumerable<string> Segments(string path) =>
        path.Replace("!/", "/", StringComparison.Ordinal).Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => segment.Normalize(NormalizationForm.FormKC));

    /// <summary>The fiscal year one folder or file name gives: a written one (令和6年度, 2024年度), else a short era form (R6, H30) standing alone or before a separator.</summary>
    public static FiscalYear? FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (JapaneseDateParser.ParseFiscalYear(name) is { } written)
            return new FiscalYear(written);
        if (ShortEra().Match(name) is { Success: true } match && Eras.TryParseEra(match.Groups[1].Value, out var era))
            return new FiscalYear(Eras.ToGregorianYear(era, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
        return null;
    }

    // R6, H30 (alone or followed by a separator or 年); not the R of a word such as "PR6". Keeps the backtracking engine
    // for its lookahead; bounded: one letter, at most two digits.
    [GeneratedRegex(@"(?:^|[^A-Za-z])([RrHh])(\d{1,2})(?:年度)?(?=$|[_\-\s.年])")]
    private static partial Regex ShortEra();
}
