using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingest.Core.Diagnostics;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest search "QUERY" [--index DIR] [--year 2019..2024] [--type T] [--partner P] [--department D] [--field L]
/// [--limit N] [--offset N] [--json]</c>: ranked hits grouped by submission, each naming sheet and field with a
/// highlighted snippet, plus facet counts; <c>--offset</c> and <c>--limit</c> page through the submissions.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words (ANDed); OR or |, -word to exclude, \"phrase\", ( ) groups, word* prefix, label:word (保有課:戸籍住民課). Empty string: filters only.", Arity = ArgumentArity.ZeroOrOne };
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var year = new Option<string?>("--year") { Description = "Fiscal year or range: 2024, 2019..2024, 2019.., ..2024." };
        var type = new Option<string?>("--type") { Description = "Sheet type, e.g. 外部結合, 電算処理, 委任, 委託." };
        var partner = new Option<string?>("--partner") { Description = "Partner (any name of it, e.g. J-LIS); part of a name also matches." };
        var department = new Option<string?>("--department") { Description = "Department (担当部課 or 保有課), e.g. 区民課 or 区民部区民課; whole units of a name match (区民課 finds 区民部区民課)." };
        var field = new Option<string?>("--field") { Description = "Search only this label, e.g. 結合の相手方, 情報保護対策, 件名." };
        var limit = new Option<int>("--limit") { Description = $"Submissions to show (default 20, at most {SearchRequest.MaxLimit}).", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Submissions to skip first, in rank order (default 0): --offset 20 --limit 20 is the second page." };
        var explain = new Option<bool>("--explain") { Description = "Print how the query was read (its operators and groups) before the results." };
        var json = new Option<bool>("--json") { Description = "Print JSON: { total, submissions, hits: [ { path, title, fiscalYear, sheetType, sheetTitle, field, snippet, score, … } ], facets }." };
        var needsReview = new Option<bool>("--needs-review") { Description = "List the submissions read by OCR with fields to check against the scan (low confidence, corrected label), each field with its reason; the query and filters are not used." };
        var command = new Command("search", "Search the index.") { query, index, year, type, partner, department, field, limit, offset, explain, json, needsReview };
        command.SetAction(parse => parse.GetValue(needsReview) ? ListNeedsReview(parse.GetValue(index), Console.Out, Console.Error) : Run(
            parse.GetValue(query) ?? string.Empty, parse.GetValue(index), parse.GetValue(year), parse.GetValue(type), parse.GetValue(partner),
            parse.GetValue(field), parse.GetValue(limit), parse.GetValue(json), Console.Out, Console.Error, useColour: !Console.IsOutputRedirected,
            department: parse.GetValue(department), offset: parse.GetValue(offset), explain: parse.GetValue(explain)));
        return command;
    }

    /// <summary>Searches; 0 with hits, 1 without, 2 on bad arguments or a missing index.</summary>
    internal static int Run(string query, string? indexDirectory, string? year, string? type, string? partner, string? field, int limit, bool json,
        TextWriter output, TextWriter errors, bool useColour = false, string? department = null, int offset = 0, bool explain = false)
    {
        if (!TryParseYears(year, out var from, out var to))
        {
            errors.WriteLine(ConsoleText.Line($"--year {year}: expected a fiscal year or a range such as 2019..2024"));
            return 2;
        }
        if (limit < 0)
        {
            errors.WriteLine($"--limit {limit}: must not be negative");
            return 2;
        }
        if (offset < 0)
        {
            errors.WriteLine($"--offset {offset}: must not be negative");
            return 2;
        }
        var directory = indexDirectory ?? IndexStore.DefaultDirectory;
        if (IndexFolder.Refuse(directory, errors) is { } refused)
            return refused;

        SearchResult result;
        try
        {
            using var store = IndexStore.Open(directory);
            StartupTrace.Mark("store opened");
            if (store.IsOutdated)
                errors.WriteLine(ConsoleText.Line($"{directory}: written by an earlier version (schema {store.StoredSchemaVersion}, now {IndexStore.SchemaVersion}); run `ingest import` once to upgrade it — until then the department filter misses its submissions and files of one submission count apart"));
            result = store.Search(new SearchRequest
            {
                Query = query, YearFrom = from, YearTo = to, SheetType = type, Partner = partner, Department = department, Field = field,
                Limit = limit, Offset = offset,
            });
            StartupTrace.Mark("searched");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: cannot read the index: {e.Message}"));
            return 2;
        }

        if (json)
            output.WriteLine(ToJson(result).ToJsonString(_jsonOptions));
        else
        {
            // A text that was not valid syntax is searched as plain words; say so even without --explain.
            if (explain || result.ReadAsPlainWords)
                output.WriteLine(ConsoleText.Line($"read as: {result.Reading}"));
            WriteText(query, result, output, useColour);
        }
        return result.TotalSheets > 0 ? 0 : 1;
    }

    /// <summary>
    /// The stored submissions with review marks (read by OCR: a field of low confidence or a corrected label), one line each
    /// and a line per marked field; 0 when some need review, 1 when none do, 2 without an index.
    /// </summary>
    internal static int ListNeedsReview(string? indexDirectory, TextWriter output, TextWriter errors)
    {
        var directory = indexDirectory ?? IndexStore.DefaultDirectory;
        if (IndexFolder.Refuse(directory, errors) is { } refused)
            return refused;
        List<Ingest.Core.Records.SubmissionRecord> marked;
        try
        {
            using var store = IndexStore.Open(directory);
            marked = store.AllRecords().Where(r => r.NeedsReview).OrderBy(r => r.Source.Path, StringComparer.Ordinal).ThenBy(r => r.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            errors.WriteLine(ConsoleText.Line($"{directory}: cannot read the index: {e.Message}"));
            return 2;
        }
        foreach (var record in marked)
        {
            output.WriteLine(ConsoleText.Line($"{record.Source.Path}: {record.Title ?? "(件名なし)"} (OCR mean confidence {record.Source.OcrConfidence?.ToString("0.00", CultureInfo.InvariantCulture) ?? "?"})"));
            foreach (var sheet in record.Sheets)
            {
                foreach (var mark in sheet.Review ?? [])
                    output.WriteLine(ConsoleText.Line($"  {sheet.Type}/{mark.Field}: OCR — please check: {mark.Reason}"));
            }
        }
        output.WriteLine($"{marked.Count} submission(s) to check against their scans");
        return marked.Count > 0 ? 0 : 1;
    }

    // Relaxed escaping keeps the HTML snippet readable (<mark>, not \u003C); the output is JSON for tools, never inlined in a page.
    private static readonly JsonSerializerOptions _jsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses <c>2024</c>, <c>2019..2024</c>, <c>2019..</c>, <c>..2024</c>; null or empty means no bound.</summary>
    internal static bool TryParseYears(string? text, out int? from, out int? to)
    {
        from = to = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var parts = text.Split("..", 2, StringSplitOptions.TrimEntries);
        if (!TryYear(parts[0], out from))
            return false;
        if (parts.Length == 1)
        {
            to = from;
            return from is not null;
        }
        return TryYear(parts[1], out to) && (from is not null || to is not null) && (from is null || to is null || from <= to);
    }

    private static bool TryYear(string text, out int? year)
    {
        year = null;
        if (text.Length == 0)
            return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1900 or > 2200)
            return false;
        year = value;
        return true;
    }

    /// <summary>The JSON form: one hit per matching sheet, in submission order; <c>total</c> counts matching sheets (the unit facets count).</summary>
    internal static JsonObject ToJson(SearchResult result)
    {
        var hits = new JsonArray();
        foreach (var submission in result.Submissions)
        {
            foreach (var sheet in submission.Sheets)
            {
                hits.Add(new JsonObject
                {
                    ["path"] = submission.Record.Source.Path,
                    ["id"] = $"{submission.Record.Source.Sha256}#{submission.Record.Ordinal}",
                    ["title"] = submission.Record.Title,
                    ["fiscalYear"] = submission.Record.FiscalYear,
                    ["sheetIndex"] = sheet.SheetIndex,
                    ["sheetType"] = sheet.SheetType,
                    ["sheetTitle"] = sheet.SheetTitle,
                    ["field"] = sheet.Field,
                    ["matchedFields"] = new JsonArray([.. sheet.MatchedFields.Select(label => (JsonNode?)JsonValue.Create(label))]),
                    ["snippet"] = sheet.Snippet?.ToHtml(),
                    ["snippetText"] = sheet.Snippet?.Text,
                    ["highlights"] = sheet.Snippet is null ? null : new JsonArray([.. sheet.Snippet.Highlights.Select(h => (JsonNode?)new JsonArray(h.Start, h.Length))]),
                    ["passages"] = new JsonArray([.. sheet.Passages.Select(passage => (JsonNode?)new JsonObject
                    {
                        ["field"] = passage.Label,
                        ["terms"] = new JsonArray([.. passage.Terms.Select(term => (JsonNode?)JsonValue.Create(term))]),
                        ["snippet"] = passage.Snippet.ToHtml(),
                        ["snippetText"] = passage.Snippet.Text,
                    })]),
                    ["score"] = Math.Round(sheet.Score, 4),
                    ["submissionScore"] = Math.Round(submission.Score, 4),
                    ["renditions"] = new JsonArray([.. submission.Renditions.Select(r => (JsonNode?)new JsonObject
                    {
                        ["path"] = r.Source.Path,
                        ["format"] = r.Source.Format,
                        ["id"] = $"{r.Source.Sha256}#{r.Ordinal}",
                    })]),
                });
            }
        }
        var years = new JsonObject();
        foreach (var (year, count) in result.Facets.FiscalYear)
            years[year.ToString(CultureInfo.InvariantCulture)] = count;
        var types = new JsonObject();
        foreach (var (type, count) in result.Facets.SheetType)
            types[type] = count;
        var partners = new JsonObject();
        foreach (var (partner, count) in result.Facets.Partner)
            partners[partner] = count;
        return new JsonObject
        {
            ["total"] = result.TotalSheets,
            ["submissions"] = result.TotalSubmissions,
            ["offset"] = result.Offset,
            ["reading"] = result.Reading,
            ["readAsPlainWords"] = result.ReadAsPlainWords,
            ["hits"] = hits,
            ["facets"] = new JsonObject
            {
                ["fiscalYear"] = years,
                ["sheetType"] = types,
                ["partner"] = partners,
                ["noFiscalYear"] = result.Facets.NoFiscalYear,
                ["noSheetType"] = result.Facets.NoSheetType,
            },
        };
    }

    /// <summary>Files listed under a hit before the rest are summed up (`show` lists them all).</summary>
    private const int MaxRenditionLines = 4;

    private static void WriteText(string query, SearchResult result, TextWriter output, bool useColour)
    {
        var (open, close) = useColour ? ("\u001b[1;7m", "\u001b[0m") : ("«", "»");
        output.WriteLine(ConsoleText.Line($"「{query}」: {result.TotalSubmissions} submissions, {result.TotalSheets} sheets"));
        // A page of a longer list says where it is, so --offset paging can be followed.
        if (result.Submissions.Count > 0 && (result.Offset > 0 || result.Submissions.Count < result.TotalSubmissions))
            output.WriteLine($"showing {result.Offset + 1}–{result.Offset + result.Submissions.Count}");
        else if (result.Submissions.Count == 0 && result.Offset > 0 && result.TotalSubmissions > 0)
            output.WriteLine($"nothing past --offset {result.Offset}");
        var rank = result.Offset;
        foreach (var submission in result.Submissions)
        {
            var record = submission.Record;
            output.WriteLine();
            output.WriteLine(ConsoleText.Line($"{++rank,3}. {record.Title ?? "(件名なし)"}  [{record.FiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "年度不明"}]  score {submission.Score:0.00}"));
            output.WriteLine(ConsoleText.Line($"     {record.Source.Path}{(record.Ordinal > 0 ? $" #{record.Ordinal}" : string.Empty)}"));
            // The other files of the same submission, most faithful first, so one hit says where each rendition is.
            if (submission.Renditions.Count > 1)
            {
                output.WriteLine($"     {submission.Renditions.Count} files:");
                foreach (var rendition in submission.Renditions.Take(MaxRenditionLines))
                    output.WriteLine(ConsoleText.Line($"       [{rendition.Source.Format}] {rendition.Source.Path}{(rendition.Ordinal > 0 ? $" #{rendition.Ordinal}" : string.Empty)}"));
                if (submission.Renditions.Count > MaxRenditionLines)
                    output.WriteLine(ConsoleText.Line($"       … {submission.Renditions.Count - MaxRenditionLines} more (ingest show {record.Source.Sha256}#{record.Ordinal})"));
            }
            foreach (var sheet in submission.Sheets)
            {
                var where = ConsoleText.Escape(sheet.SheetIndex >= 0 ? $"別紙{sheet.SheetIndex + 1} {sheet.SheetType}" : "本文");
                // The snippet's text is escaped piece by piece so that the highlight's own ANSI codes survive.
                if (sheet.Passages.Count == 0)
                    output.WriteLine($"     {where} › {ConsoleText.Escape(sheet.Field ?? "-")}: {sheet.Snippet?.ToMarked(open, close, ConsoleText.Escape) ?? string.Empty}");
                // One line per passage, naming the query terms it shows, so a hit says which words matched where.
                foreach (var passage in sheet.Passages)
                    output.WriteLine($"     {where} › {ConsoleText.Escape(passage.Label)} [{ConsoleText.Escape(string.Join(" ", passage.Terms))}]: {passage.Snippet.ToMarked(open, close, ConsoleText.Escape)}");
            }
        }
        output.WriteLine();
        output.WriteLine("年度: " + Facet(result.Facets.FiscalYear.Select(pair => (pair.Key.ToString(CultureInfo.InvariantCulture), pair.Value)), result.Facets.NoFiscalYear, "不明"));
        output.WriteLine("種類: " + Facet(result.Facets.SheetType.Select(pair => (pair.Key, pair.Value)), result.Facets.NoSheetType, "別紙なし"));
        output.WriteLine("相手方: " + Facet(result.Facets.Partner.Select(pair => (pair.Key, pair.Value)), 0, string.Empty));
    }

    private static string Facet(IEnumerable<(string Key, int Count)> counts, int missing, string missingName)
    {
        var parts = counts.Select(pair => ConsoleText.Line($"{pair.Key} ({pair.Count})")).ToList();
        if (missing > 0)
            parts.Add($"{missingName} ({missing})");
        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }
}
