using System.Text.RegularExpressions;
using Ingest.Core.Records;
using Ingest.Index.Documents;

namespace Ingest.Index.Analysis;

/// <summary>
/// Finds abbreviations a submission defines for a synonym name: 地方公共団体情報システム機構（以下「機構」という。）
/// makes 機構 mean J-LIS in that submission. Only names of the synonym catalogue are followed, so an abbreviation
/// never spreads to documents that do not define it.
/// </summary>
public static partial class DefinedAliases
{
    /// <summary>Longest abbreviation accepted (chars); definitions name short forms.</summary>
    public const int MaxAliasChars = 20;

    // （以下「機構」という。） — PDF text also breaks the bracket pairs (以下「J-LIS）という), so the closing mark is loose.
    [GeneratedRegex(@"[（(]以下[「『“""]([^」』”""）)「『]{1,20})[」』”""）)]?と(?:いう|言う|称する)")]
    private static partial Regex DefinitionPattern();

    /// <summary>Alias → group for every definition in the submission's texts (titles, overview, sheets, checklists).</summary>
    public static IReadOnlyDictionary<string, SynonymGroup> Find(SubmissionRecord record, IndexAnalysis analysis)
    {
        var aliases = new Dictionary<string, SynonymGroup>(StringComparer.Ordinal);
        foreach (var text in RecordTexts.All(record).Select(entry => entry.Text))
        {
            // Cheap test first: every definition ends in という (PDF line breaks may split 以下, never という's presence).
            if (!text.Contains("という", StringComparison.Ordinal) && !text.Contains("と言う", StringComparison.Ordinal) && !text.Contains("と称する", StringComparison.Ordinal))
                continue;
            // Definitions are often broken across lines in PDF text; whitespace never matters inside them.
            var compact = string.Concat(analysis.Folder.Fold(text).Text.Where(c => !char.IsWhiteSpace(c)));
            foreach (Match match in DefinitionPattern().Matches(compact))
            {
                var alias = match.Groups[1].Value;
                if (alias.Length > MaxAliasChars || analysis.GroupOf(alias) is not null)
                    continue;
                var before = analysis.FoldKey(compact[..match.Index]);
                var group = analysis.Synonyms.Groups.FirstOrDefault(candidate =>
                    candidate.Names.Any(name => before.EndsWith(analysis.FoldKey(name), StringComparison.Ordinal)));
                if (group is not null)
                    aliases.TryAdd(alias, group);
            }
        }
        return aliases;
    }
}
