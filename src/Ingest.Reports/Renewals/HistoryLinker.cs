using System.Text.RegularExpressions;
using Ingest.Core.Normalisation;

namespace Ingest.Reports.Renewals;

/// <summary>Why a later arrangement was linked to an earlier one.</summary>
public enum LinkReason
{
    /// <summary>Same section, business, subject and an overlapping partner: the same arrangement submitted again.</summary>
    SameArrangement,
    /// <summary>The later submission names the earlier approval (令和元年度第6回…承認済).</summary>
    PriorApproval,
    /// <summary>The later submission is a change notice (相手先の変更, 情報項目の追加, 手続の追加).</summary>
    ChangeNotice,
}

/// <summary>A link from an arrangement to the earlier one it continues, with the words that decided it.</summary>
public sealed record HistoryLink
{
    public required Arrangement Earlier { get; init; }
    public required Arrangement Later { get; init; }
    public required LinkReason Reason { get; init; }
    /// <summary>The phrase that made the link (the approval reference, the change notice), or the shared subject.</summary>
    public required string Evidence { get; init; }
}

/// <summary>The linked history of every arrangement: its predecessor, its successors, the whole chain oldest first.</summary>
/// <remarks>
/// The arrangements are held oldest first (<see cref="HistoryLinker.Chronology"/>) and every link goes from an earlier
/// place to a later one, both checked when the history is made. So walking predecessors goes strictly back and following
/// successors strictly forward (no walk can loop), the latest of several successors is the one held last, and an
/// arrangement's place orders it as the chronology does. Each arrangement has at most one predecessor, so the history is
/// a forest and a chain is fixed by its last member: every arrangement of one chain shares one list.
/// </remarks>
public sealed class ArrangementHistory
{
    private readonly Dictionary<Arrangement, int> _place = new(ReferenceEqualityComparer.Instance);
    private readonly HistoryLink?[] _predecessor;
    private readonly List<HistoryLink>?[] _successors;
    private readonly Arrangement[]?[] _chainEndingAt;
    // Arrangement objects made elsewhere (another read of the same records) are found by their id, made only when asked.
    private Dictionary<string, int>? _placeById;

    internal ArrangementHistory(IReadOnlyList<Arrangement> arrangements, IReadOnlyList<HistoryLink> links)
    {
        Arrangements = arrangements;
        Links = links;
        for (var i = 0; i < arrangements.Count; i++)
        {
            if (!_place.TryAdd(arrangements[i], i))
                throw new ArgumentException("an arrangement is held twice", nameof(arrangements));
            if (i > 0 && HistoryLinker.Chronology.Compare(arrangements[i - 1], arrangements[i]) >= 0)
                throw new ArgumentException("the arrangements are not oldest first", nameof(arrangements));
        }
        _predecessor = new HistoryLink?[arrangements.Count];
        _successors = new List<HistoryLink>?[arrangements.Count];
        _chainEndingAt = new Arrangement[arrangements.Count][];
        foreach (var link in links)
        {
            var (earlier, later) = (OwnPlace(link.Earlier), OwnPlace(link.Later));
            if (earlier >= later)
                throw new ArgumentException("a link goes back in time", nameof(links));
            if (_predecessor[later] is not null)
                throw new ArgumentException("an arrangement has two predecessors", nameof(links));
            _predecessor[later] = link;
            (_successors[earlier] ??= []).Add(link);
        }
        foreach (var successors in _successors)
            successors?.Sort((a, b) => _place[a.Later].CompareTo(_place[b.Later]));
    }

    public IReadOnlyList<Arrangement> Arrangements { get; }
    public IReadOnlyList<HistoryLink> Links { get; }

    /// <summary>The link to the earlier arrangement this one continues, if any.</summary>
    public HistoryLink? PredecessorOf(Arrangement arrangement) => PlaceOf(arrangement) is var place and >= 0 ? _predecessor[place] : null;

    /// <summary>Links to later arrangements that continue (and so replace) this one, oldest first.</summary>
    public IReadOnlyList<HistoryLink> SuccessorsOf(Arrangement arrangement) =>
        PlaceOf(arrangement) is var place and >= 0 && _successors[place] is { } successors ? successors : [];

    /// <summary>Whether a later submission continues this arrangement: the latest submission gives the current state.</summary>
    public bool IsReplaced(Arrangement arrangement) => SuccessorsOf(arrangement).Count > 0;

    /// <summary>
    /// Every submission about the arrangement, oldest first: its predecessors, itself, and the line of latest successors
    /// (so a replaced row shows what replaced it). The arrangements of one chain get the same list.
    /// </summary>
    public IReadOnlyList<Arrangement> ChainOf(Arrangement arrangement)
    {
        var place = PlaceOf(arrangement);
        if (place < 0)
            return [arrangement];
        var end = place;
        while (_successors[end] is { } successors)
            end = _place[successors[^1].Later];
        var chain = _chainEndingAt[end] ??= ChainEndingAt(end);
        if (ReferenceEquals(Arrangements[place], arrangement))
            return chain;
        // Asked with an equal arrangement made elsewhere: its chain holds that one in its own place.
        var own = (Arrangement[])chain.Clone();
        own[Array.IndexOf(chain, Arrangements[place])] = arrangement;
        return own;
    }

    private Arrangement[] ChainEndingAt(int end)
    {
        var chain = new List<Arrangement> { Arrangements[end] };
        for (var link = _predecessor[end]; link is not null; link = _predecessor[_place[link.Earlier]])
            chain.Add(link.Earlier);
        chain.Reverse();
        return [.. chain];
    }

    // An arrangement's place, or -1 when the history does not hold it (nor one with its id).
    private int PlaceOf(Arrangement arrangement)
    {
        if (_place.TryGetValue(arrangement, out var place))
            return place;
        if (_placeById is null)
        {
            var byId = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Arrangements.Count; i++)
                byId[Arrangements[i].Id] = i;
            _placeById = byId;
        }
        return _placeById.TryGetValue(arrangement.Id, out place) ? place : -1;
    }

    private int OwnPlace(Arrangement arrangement) =>
        _place.TryGetValue(arrangement, out var place) ? place : throw new ArgumentException("a link names an arrangement the history does not hold");
}

/// <summary>
/// Links submissions about the same arrangement across years. Pure: the same arrangements give the same links.
/// Each arrangement gets at most one predecessor, the latest earlier arrangement that passes <see cref="TryLink"/>;
/// an arrangement with a successor has been replaced (a partner change replaces the old linkage rather than adding one).
/// </summary>
public static partial class HistoryLinker
{
    /// <summary>
    /// Largest group (same kind family and owning section) compared pairwise; beyond it only the same-subject rule links,
    /// so a hostile or huge archive cannot make linking quadratic without bound.
    /// </summary>
    public const int MaxPairwiseGroup = 5_000;

    /// <summary>Oldest first: fiscal year, then period start, then file and position, so order never depends on input order.</summary>
    public static IComparer<Arrangement> Chronology { get; } = Comparer<Arrangement>.Create((a, b) =>
    {
        var c = (a.FiscalYear ?? int.MinValue).CompareTo(b.FiscalYear ?? int.MinValue);
        if (c == 0) c = (a.Period?.Start ?? DateOnly.MinValue).CompareTo(b.Period?.Start ?? DateOnly.MinValue);
        if (c == 0) c = string.CompareOrdinal(a.Path, b.Path);
        if (c == 0) c = a.Submission.Ordinal.CompareTo(b.Submission.Ordinal);
        if (c == 0) c = a.SheetIndex.CompareTo(b.SheetIndex);
        return c;
    });

    /// <summary>Links every arrangement to its predecessor, if it has one.</summary>
    public static ArrangementHistory Link(IEnumerable<Arrangement> arrangements)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        var all = arrangements.DistinctBy(a => a.Id).OrderBy(a => a, Chronology).ToList();
        var keys = all.ToDictionary(a => a.Id, LinkKeys.Of, StringComparer.Ordinal);
        var links = new List<HistoryLink>();
        foreach (var group in all.GroupBy(a => (ArrangementKinds.Family(a.SheetType), keys[a.Id].Section)))
        {
            if (group.Key.Section.Length == 0)
                continue; // no owning section: nothing to link on
            var members = group.ToList(); // already oldest first
            var pairwise = members.Count <= MaxPairwiseGroup;
            var bySubject = pairwise ? null : members.Select((a, i) => (a, i)).ToLookup(x => keys[x.a.Id].Subject, x => x.i, StringComparer.Ordinal);
            for (var i = 1; i < members.Count; i++)
            {
                var later = members[i];
                var candidates = pairwise
                    ? Enumerable.Range(0, i).Reverse()
                    : bySubject![keys[later.Id].Subject].Where(j => j < i).Reverse();
                foreach (var j in candidates)
                {
                    if (Decide(members[j], keys[members[j].Id], later, keys[later.Id]) is { } link)
                    {
                        links.Add(link);
                        break; // the latest match is the predecessor
                    }
                }
            }
        }
        return new ArrangementHistory(all, links);
    }

    /// <summary>
    /// Decides whether <paramref name="later"/> continues <paramref name="earlier"/>. Both must be of the same kind
    /// family, come from different submissions, the earlier strictly first, and share the owning section. Then:
    /// <list type="bullet">
    /// <item>same business name, an overlapping partner and the same subject (件名 without its change notice) — the same
    /// arrangement submitted again. Business name and partner alone are not enough: one section links the same partner
    /// for different projects under one registered business (card issuance and residence-card unification both link
    /// J-LIS under 個人番号の指定…に関する事務);</item>
    /// <item>the later submission names an approval of the earlier one's fiscal year or the one before (approval often
    /// comes in the fiscal year before the start) and the subject or the business name is the same; or it is a change
    /// notice and the subject is the same, or the business name is the same and a partner overlaps. A partner change
    /// (法務大臣 → 出入国在留管理庁長官) links through these rules.</item>
    /// </list>
    /// The evidence is the most explicit words: the approval named, then the change notice, then the later 件名.
    /// </summary>
    public static HistoryLink? TryLink(Arrangement earlier, Arrangement later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        return Decide(earlier, LinkKeys.Of(earlier), later, LinkKeys.Of(later));
    }

    private static HistoryLink? Decide(Arrangement earlier, LinkKeys a, Arrangement later, LinkKeys b)
    {
        if (ReferenceEquals(earlier.Submission, later.Submission) || SameSubmission(earlier, later))
            return null;
        if (ArrangementKinds.Family(earlier.SheetType) != ArrangementKinds.Family(later.SheetType))
            return null;
        if (!IsBefore(earlier, later))
            return null;
        if (a.Section.Length == 0 || a.Section != b.Section)
            return null;

        var sameBusiness = a.Business.Length > 0 && a.Business == b.Business;
        var sameSubject = a.Subject.Length > 0 && a.Subject == b.Subject;
        var overlap = Overlap(a.Partners, b.Partners);
        var approval = later.Submission.PriorApprovals.FirstOrDefault(p =>
            earlier.FiscalYear is { } year && (p.FiscalYear == year || p.FiscalYear + 1 == year));

        if (approval is not null && (sameSubject || sameBusiness))
            return new HistoryLink { Earlier = earlier, Later = later, Reason = LinkReason.PriorApproval, Evidence = approval.Text };
        if (b.Notice is not null && (sameSubject || sameBusiness && overlap))
            return new HistoryLink { Earlier = earlier, Later = later, Reason = LinkReason.ChangeNotice, Evidence = b.Notice };
        if (sameBusiness && overlap && sameSubject)
            return new HistoryLink { Earlier = earlier, Later = later, Reason = LinkReason.SameArrangement, Evidence = later.Title ?? string.Empty };
        return null;
    }

    /// <summary>An arrangement's comparison keys, computed once per arrangement.</summary>
    private sealed record LinkKeys(string Section, string Business, string Subject, string[] Partners, string? Notice)
    {
        public static LinkKeys Of(Arrangement a) => new(
            Key(a.OwningSection), Key(a.BusinessName), HistoryLinker.Subject(a),
            a.Partners.Select(Key).Where(k => k.Length > 0).ToArray(), ChangeNotice(a));
    }

    /// <summary>The change notice in the sheet's or submission's 件名, e.g. <c>（相手先の変更）</c>, or null.</summary>
    public static string? ChangeNotice(Arrangement arrangement)
    {
        foreach (var title in new[] { arrangement.Sheet.Title, arrangement.Submission.Title })
        {
            if (title is not null && ChangeNoticePattern().Match(title) is { Success: true } match)
                return match.Value.Trim();
        }
        return null;
    }

    /// <summary>
    /// The subject of an arrangement: its 件名 normalised, without a trailing change notice, 等 or について, with the
    /// びったり mis-extraction of ぴったり folded (DOMAIN.md), so successive submissions about one arrangement compare equal.
    /// </summary>
    public static string Subject(Arrangement arrangement)
    {
        var title = arrangement.Title ?? string.Empty;
        title = ChangeNoticePattern().Replace(title, string.Empty);
        var key = TextNormaliser.FoldVariants(TextNormaliser.FoldKey(title)).Replace("びったり", "ぴったり", StringComparison.Ordinal);
        key = TrailingPhrase().Replace(key, string.Empty);
        return key;
    }

    /// <summary>
    /// Partners overlap when a canonical name is shared or one contains the other: a body and its head
    /// (出入国在留管理庁 / 出入国在留管理庁長官) are the same partner for history.
    /// </summary>
    public static bool PartnersOverlap(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Overlap(a.Select(Key).Where(k => k.Length > 0).ToArray(), b.Select(Key).Where(k => k.Length > 0).ToArray());
    }

    private static bool Overlap(string[] a, string[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y || x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    private static bool SameSubmission(Arrangement a, Arrangement b) =>
        a.Path == b.Path && a.Submission.Ordinal == b.Submission.Ordinal;

    // Strictly earlier: an earlier fiscal year, or the same fiscal year and an earlier start.
    private static bool IsBefore(Arrangement a, Arrangement b)
    {
        if (a.FiscalYear is { } fa && b.FiscalYear is { } fb && fa != fb)
            return fa < fb;
        return a.Period?.Start is { } sa && b.Period?.Start is { } sb && sa < sb;
    }

    private static string Key(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : TextNormaliser.FoldVariants(TextNormaliser.FoldKey(text));

    // A change notice is a bracketed phrase naming a change or an addition: （相手先の変更） （情報項目の追加） （手続の追加）.
    [GeneratedRegex(@"[\(（]\s*[^\(\)（）]{0,30}?(?:の変更|の追加|の削除|変更|追加)\s*[\)）]")]
    private static partial Regex ChangeNoticePattern();

    [GeneratedRegex(@"(?:等)?(?:について)?$")]
    private static partial Regex TrailingPhrase();
}
