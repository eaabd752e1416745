using Ingest.Core.Records;
using Ingest.Core.Values;

namespace Ingest.Extraction.Labels;

/// <summary>What a label says by itself: its meaning, the head noun that said it, how sure the reading is, the arrangement it names, and why.</summary>
public sealed record LabelReading(FieldMeaning Meaning, string Head, double Confidence, string? Kind, string Rule);

/// <summary>A label resolved in its sheet: the canonical field (null when unknown), how, how sure, and the rule that decided.</summary>
public sealed record LabelResolution(string? Field, LabelHow How, double Confidence, string Rule);

/// <summary>
/// Recognises a 別紙 label the catalogue does not know by its meaning. A label is read from its end: the head noun says what
/// kind of item it is (期間 a period, 相手方 a partner, 項目 the items, 措置 measures …); the words before it narrow it down —
/// who (受託者に講じさせる措置 are the contractor's measures, 区が講じる措置 the ward's), what (情報の内容 are the items, 業務の
/// 内容 the content), which arrangement (結合, 委託, 委任). The sheet's kind then names the field, and the value's shape
/// confirms or doubts it (a period holds a date, a partner a body's name). Every reading has a confidence and names the rule
/// that fired; below <see cref="AcceptThreshold"/> a label stays unknown. Vocabulary: <see cref="LabelVocabulary"/>.
/// Pure and thread-safe.
/// </summary>
public sealed partial class LabelInference(LabelVocabulary vocabulary)
{
    /// <summary>A label in a table cell is mapped from this confidence on.</summary>
    public const double AcceptThreshold = 0.5;

    /// <summary>
    /// Running text (a PDF dump) has no cells: a line is taken for a new label only from this confidence on, reading the label
    /// alone, since a value line can begin with label-like words.
    /// </summary>
    public const double LineLabelThreshold = 0.6;

    /// <summary>Longest label read (without its parenthetical); longer text is a value or a sentence.</summary>
    public const int MaxLabelLength = 40;

    // A head noun that says what the label is, alone; one that needs the words before it; one that guesses.
    private const double DirectHead = 0.75, QualifiedHead = 0.65, WeakHead = 0.6;
    private const double KindAgrees = 0.1, KindDisagrees = 0.2, ValueFits = 0.1, ValueDoesNotFit = 0.15, HintFits = 0.05;

    /// <summary>How much a label read through a sort noun (記録媒体の種類) is trusted compared with one read directly.</summary>
    private const double ThroughGeneric = 0.9;

    private static readonly string[] _particles = ["における", "において", "として", "が", "に", "の", "で", "側", "へ"];
    private static readonly string[] _trailers = ["について", "の記載", "欄", "等", ":"];

    /// <summary>The product's inference over the embedded vocabulary.</summary>
    public static LabelInference Default { get; } = new(LabelVocabulary.Default);

    /// <summary>Reads a folded label (<see cref="LabelKey.Fold"/>) by itself; null when no head noun of the vocabulary ends it.</summary>
    public LabelReading? Read(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var (core, hint) = Split(label);
        if (core.Length is 0 or > MaxLabelLength)
            return null;
        var (head, headMeaning) = vocabulary.Heads.FirstOrDefault(h => core.EndsWith(h.Word, StringComparison.Ordinal) && core.Length >= h.Word.Length
            && (h.Word != "先" || core.Length > 1 && IsKanji(core[^2])));
        if (head is null)
            return null;
        if (headMeaning == "generic")
        {
            // 記録媒体の種類 is about the medium: read what the sort noun sorts.
            var sorted = core[..^head.Length];
            if (sorted.EndsWith('の'))
                sorted = sorted[..^1];
            return Read(sorted) is { } inner
                ? inner with { Confidence = inner.Confidence * ThroughGeneric, Rule = $"{inner.Rule}; sorted by {head}" }
                : null;
        }
        var before = core[..^head.Length];
        var (kindWord, kind) = KindIn(core);
        FieldMeaning? meaning = null;
        var confidence = DirectHead;
        var because = string.Empty;
        switch (headMeaning)
        {
            case "period": meaning = FieldMeaning.Period; break;
            case "partner": meaning = FieldMeaning.Partner; break;
            case "items": meaning = FieldMeaning.Items; break;
            case "reason": meaning = FieldMeaning.Reason; break;
            case "method": meaning = FieldMeaning.Method; break;
            case "medium": meaning = FieldMeaning.Medium; break;
            case "section": meaning = FieldMeaning.Section; break;
            case "business": meaning = FieldMeaning.Business; break;
            case "protection":
                (meaning, because) = WhoseMeasures(core);
                break;
            case "matters":
                // 受託者に遵守させる事項: matters are measures when an obligation is named.
                if (vocabulary.Obligations.FirstOrDefault(o => core.Contains(o, StringComparison.Ordinal)) is { } obligation)
                {
                    (meaning, because) = WhoseMeasures(core);
                    because = $"obligation {obligation}" + (because.Length > 0 ? ", " + because : string.Empty);
                    confidence = QualifiedHead;
                }
                break;
            case "name":
                // 受託者の名称 names the partner, 担当課名 the section, 事務の名称 the business, 委託業務の名称 the content.
                confidence = QualifiedHead;
                if (PartnerIn(before) is { } party)
                    (meaning, because) = (FieldMeaning.Partner, $"party {party}");
                else if (before.Contains('課') || before.Contains("部署", StringComparison.Ordinal))
                    (meaning, because) = (FieldMeaning.Section, "of a section");
                else if (WorkIn(before) is { } work)
                    (meaning, because) = (kindWord is not null && before.Contains(kindWord + work, StringComparison.Ordinal)
                        ? (FieldMeaning.Content, $"of the {kindWord} work") : (FieldMeaning.Business, $"of a {work}"));
                break;
            case "body":
                // 接続先機関, 受任機関, 委任先団体: a body is the partner when a party or an arrangement is named.
                confidence = QualifiedHead;
                if (PartnerIn(before) is { } body)
                    (meaning, because) = (FieldMeaning.Partner, $"party {body}");
                else if (kindWord is not null && before.Contains(kindWord, StringComparison.Ordinal))
                    (meaning, because) = (FieldMeaning.Partner, $"of the {kindWord}");
                break;
            case "scope":
                // 結合する情報の内容 are the items; 委託業務の内容 is the content.
                if (vocabulary.Data.FirstOrDefault(d => before.Contains(d, StringComparison.Ordinal)) is { } data)
                    (meaning, confidence, because) = (FieldMeaning.Items, QualifiedHead, $"of {data}");
                else
                    (meaning, confidence) = (FieldMeaning.Content, WeakHead);
                break;
            case "work":
                // 委託する業務 is the content; 対象事務 the business.
                if (head == "作業" || kindWord is not null && before.Contains(kindWord, StringComparison.Ordinal))
                    (meaning, confidence, because) = (FieldMeaning.Content, QualifiedHead, kindWord is null ? string.Empty : $"of the {kindWord}");
                else
                    (meaning, confidence) = (FieldMeaning.Business, WeakHead);
                break;
        }
        if (meaning is not { } found)
            return null;
        if (Hints(hint, found))
            confidence += HintFits;
        var rule = $"head {head} = {Name(found)}" + (because.Length > 0 ? $" ({because})" : string.Empty) + (kindWord is null ? string.Empty : $"; names {kindWord}");
        return new LabelReading(found, head, confidence, kind, rule);
    }

    /// <summary>
    /// Resolves a folded label on a sheet of <paramref name="sheetKind"/> (null when not known) whose value is
    /// <paramref name="value"/>: the field, or unknown with the best reading's confidence and why it fell short.
    /// </summary>
    public LabelResolution Resolve(string label, string? sheetKind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reading = Read(label);
        if (reading is null)
            return new LabelResolution(null, LabelHow.Unknown, 0, Unread(label));
        var kind = sheetKind is null ? reading.Kind : SheetFields.Catalogued(sheetKind);
        if (sheetKind is not null && kind is null)
            return new LabelResolution(null, LabelHow.Unknown, 0, $"{reading.Rule}; {sheetKind} sheets have no catalogued fields");
        if (SheetFields.FieldFor(kind, reading.Meaning) is not { } target)
        {
            var why = kind is null ? "the sheet's kind is not known" : $"{kind} sheets have no {Name(reading.Meaning)} field";
            return new LabelResolution(null, LabelHow.Unknown, Round(reading.Confidence), $"{reading.Rule}; {why}");
        }
        var confidence = reading.Confidence * target.Factor;
        var rule = reading.Rule + (target.Factor < 1 ? $"; stands in for the kind's {Name(reading.Meaning)}" : string.Empty);
        if (reading.Kind is { } named && kind is not null && sheetKind is not null)
            confidence += named == kind ? KindAgrees : -KindDisagrees;
        switch (Fits(reading.Meaning, kind, value))
        {
            case true:
                confidence += ValueFits;
                rule += "; value fits";
                break;
            case false:
                confidence -= ValueDoesNotFit;
                rule += "; value does not fit";
                break;
        }
        confidence = Round(confidence);
        return confidence >= AcceptThreshold
            ? new LabelResolution(target.Field, LabelHow.Inferred, confidence, rule)
            : new LabelResolution(null, LabelHow.Unknown, confidence, $"{rule}; below {AcceptThreshold:0.0#} for {target.Field}");
    }

    /// <summary>Why a label has no reading: no head noun ends it, or its head noun needs words it does not have.</summary>
    private string Unread(string label)
    {
        var (core, _) = Split(label);
        var head = vocabulary.Heads.FirstOrDefault(h => core.EndsWith(h.Word, StringComparison.Ordinal));
        return head.Word is null
            ? "no head noun of the vocabulary ends the label"
            : $"head {head.Word} says what it is only with a party, an arrangement or data named before it ({head.Meaning}), and none is";
    }

    /// <summary>The label without numbering, trailing 等 / について and parentheticals, and the parentheticals' text.</summary>
    private static (string Core, string Hint) Split(string label)
    {
        var core = new System.Text.StringBuilder();
        var hint = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in label)
        {
            if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            else
                (depth > 0 ? hint : core).Append(c);
        }
        var text = LeadingNumber().Replace(core.ToString(), string.Empty);
        foreach (var trailer in _trailers)
        {
            if (text.Length > trailer.Length && text.EndsWith(trailer, StringComparison.Ordinal))
                text = text[..^trailer.Length];
        }
        return (text, hint.ToString());
    }

    /// <summary>The arrangement the label names, if any: the leftmost kind word (受託者 → 委託, 結合開始日 → 外部結合).</summary>
    private (string? Word, string? Kind) KindIn(string core)
    {
        (string? Word, string? Kind, int At) best = (null, null, int.MaxValue);
        foreach (var (word, kind) in vocabulary.Kinds)
        {
            var at = core.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && at < best.At)
                best = (word, kind, at);
        }
        return (best.Word, best.Kind);
    }

    /// <summary>A party of the other side named in the text (受託者, 委託先, 結合先, any …先 of an arrangement).</summary>
    private string? PartnerIn(string text)
    {
        foreach (var (word, side) in vocabulary.Parties)
        {
            if (side == "partner" && text.Contains(word, StringComparison.Ordinal))
                return word;
        }
        var destination = text.IndexOf('先', StringComparison.Ordinal);
        return destination > 0 && IsKanji(text[destination - 1]) ? text[..(destination + 1)] : null;
    }

    private static string? WorkIn(string text) =>
        new[] { "業務", "事務", "事業" }.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// Whose measures: the other side's when they are put on it (講じさせる, 義務付ける) or it is named with a particle
    /// (受託者が, 委託先における); the municipality's when it is named so (区が, 区の, 委託元の); else nobody's in particular.
    /// </summary>
    private (FieldMeaning Meaning, string Because) WhoseMeasures(string core)
    {
        if (vocabulary.Causatives.FirstOrDefault(c => core.Contains(c, StringComparison.Ordinal)) is { } causative)
            return (FieldMeaning.PartnerProtection, $"put on the other side: {causative}");
        for (var i = 0; i < core.Length; i++)
        {
            foreach (var (word, side) in vocabulary.Parties)
            {
                if (string.CompareOrdinal(core, i, word, 0, word.Length) != 0)
                    continue;
                // A one-character party (区, 市) is a word of its own only after kana or at the start: not 地区, 都市.
                if (word.Length == 1 && i > 0 && IsKanji(core[i - 1]))
                    continue;
                var rest = core[(i + word.Length)..];
                if (!_particles.Any(p => rest.StartsWith(p, StringComparison.Ordinal)))
                    continue;
                return side == "ward"
                    ? (FieldMeaning.WardProtection, $"the municipality's: {word}")
                    : (FieldMeaning.PartnerProtection, $"the other side's: {word}");
            }
        }
        return (FieldMeaning.Protection, string.Empty);
    }

    /// <summary>Whether a parenthetical after the label speaks of the same thing: (だれの、どのような項目か) of items.</summary>
    private static bool Hints(string hint, FieldMeaning meaning) => hint.Length > 0 && meaning switch
    {
        FieldMeaning.Items => hint.Contains("項目", StringComparison.Ordinal) || hint.Contains("だれの", StringComparison.Ordinal),
        FieldMeaning.Partner => hint.Contains("名称", StringComparison.Ordinal) || hint.Contains("所在地", StringComparison.Ordinal),
        FieldMeaning.Period => hint.Contains("期間", StringComparison.Ordinal) || hint.Contains("期限", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Whether the value has the shape the meaning expects; null when the meaning has none or the value says nothing (別紙のとおり).</summary>
    private static bool? Fits(FieldMeaning meaning, string? kind, string value)
    {
        var text = value.Trim();
        if (text.Length == 0 || text.Length < 30 && (text.Contains("のとおり", StringComparison.Ordinal) || text.Contains("参照", StringComparison.Ordinal)))
            return null;
        return meaning switch
        {
            FieldMeaning.Period => ValueShapes.IsPeriod(text),
            FieldMeaning.Partner => ValueShapes.IsOrganisation(text),
            FieldMeaning.Section => ValueShapes.IsSection(text),
            FieldMeaning.Business => ValueShapes.IsBusinessName(text),
            FieldMeaning.Items => ValueShapes.IsItemList(text),
            FieldMeaning.Medium => ValueShapes.IsMedium(text),
            FieldMeaning.Reason => ValueShapes.IsReason(text),
            FieldMeaning.Method when kind == SheetKind.Linkage => ValueShapes.IsConnection(text),
            FieldMeaning.Protection or FieldMeaning.WardProtection or FieldMeaning.PartnerProtection => ValueShapes.IsMeasures(text),
            _ => null,
        };
    }

    private static string Name(FieldMeaning meaning) => meaning switch
    {
        FieldMeaning.WardProtection => "ward's measures",
        FieldMeaning.PartnerProtection => "partner's measures",
        FieldMeaning.Protection => "measures",
        _ => meaning.ToString().ToLowerInvariant(),
    };

    private static double Round(double confidence) => Math.Round(Math.Clamp(confidence, 0, 0.99), 2);

    private static bool IsKanji(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '々';

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\(?[0-9]{1,2}[).]?|[①-⑳]|[ア-ン][.)]|[一二三四五六七八九十]{1,3}[、.])", System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();
}
