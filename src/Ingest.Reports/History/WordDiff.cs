using System.Globalization;
using System.Text;
using DiffPlex;

namespace Ingest.Reports.History;

/// <summary>Whether a piece of a word-level difference is in both texts, only the earlier, or only the later.</summary>
public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>One piece of a word-level difference.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>
/// Word-level difference of two texts (DiffPlex's Myers diff over words). Japanese has no spaces between words, so a
/// "word" is a run of one script: kanji (with 々 and ヶ), hiragana, katakana (with ー), Latin letters and digits, or one
/// other character (punctuation, a space) — 暗号化により通信 is 暗号化 / により / 通信. Runs of this kind follow the
/// boundaries a reader sees: a partner's name, a data item, a clause, and not single characters.
/// </summary>
public static class WordDiff
{
    private static readonly IChunker _chunker = new ScriptRunChunker();

    public static IReadOnlyList<DiffPiece> Of(string? earlier, string? later)
    {
        var before = earlier ?? string.Empty;
        var after = later ?? string.Empty;
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, _chunker);
        var pieces = new List<DiffPiece>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++)
                Add(pieces, DiffKind.Same, result.PiecesOld[a]);
            for (var i = 0; i < block.DeleteCountA; i++)
                Add(pieces, DiffKind.Removed, result.PiecesOld[block.DeleteStartA + i]);
            for (var i = 0; i < block.InsertCountB; i++)
                Add(pieces, DiffKind.Added, result.PiecesNew[block.InsertStartB + i]);
            a = block.DeleteStartA + block.DeleteCountA;
        }
        for (; a < result.PiecesOld.Count; a++)
            Add(pieces, DiffKind.Same, result.PiecesOld[a]);
        return Coalesce(pieces);
    }

    /// <summary>Longest text in common between two changes that is read as part of the change rather than kept apart.</summary>
    public const int MaxIslandLength = 2;

    /// <summary>
    /// A change interrupted by a character or two in common (告示第{1}号 inside a rewritten paragraph) reads as one change:
    /// such islands between changes join the removed and the added text, and each run of changes becomes one removal
    /// followed by one addition.
    /// </summary>
    private static List<DiffPiece> Coalesce(List<DiffPiece> pieces)
    {
        var result = new List<DiffPiece>();
        var removed = new StringBuilder();
        var added = new StringBuilder();
        void Flush()
        {
            if (removed.Length > 0) result.Add(new DiffPiece(DiffKind.Removed, removed.ToString()));
            if (added.Length > 0) result.Add(new DiffPiece(DiffKind.Added, added.ToString()));
            removed.Clear();
            added.Clear();
        }
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var island = piece.Kind == DiffKind.Same && piece.Text.Length <= MaxIslandLength
                && i > 0 && i < pieces.Count - 1 && pieces[i - 1].Kind != DiffKind.Same && pieces[i + 1].Kind != DiffKind.Same;
            if (piece.Kind == DiffKind.Same && !island)
            {
                Flush();
                result.Add(piece);
                continue;
            }
            if (piece.Kind != DiffKind.Added) removed.Append(piece.Text);
            if (piece.Kind != DiffKind.Removed) added.Append(piece.Text);
        }
        Flush();
        return result;
    }

    /// <summary>The difference written for a terminal or plain text, wdiff's way: [-removed-]{+added+}.</summary>
    public static string Plain(IEnumerable<DiffPiece> pieces) => string.Concat(pieces.Select(p => p.Kind switch
    {
        DiffKind.Removed => $"[-{p.Text}-]",
        DiffKind.Added => $"{{+{p.Text}+}}",
        _ => p.Text,
    }));

    /// <summary>Neighbouring pieces of one kind are joined, so a changed phrase is one piece.</summary>
    private static void Add(List<DiffPiece> pieces, DiffKind kind, string text)
    {
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        else
            pieces.Add(new DiffPiece(kind, text));
    }

    /// <summary>Cuts a text into runs of one script (see <see cref="WordDiff"/>).</summary>
    private sealed class ScriptRunChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var chunks = new List<string>();
            var current = new StringBuilder();
            var currentClass = Script.Other;
            foreach (var element in Elements(text))
            {
                var script = Classify(element);
                if (current.Length > 0 && (script != currentClass || script == Script.Other))
                {
                    chunks.Add(current.ToString());
                    current.Clear();
                }
                current.Append(element);
                currentClass = script;
            }
            if (current.Length > 0)
                chunks.Add(current.ToString());
            return chunks;
        }

        private static IEnumerable<string> Elements(string text)
        {
            var e = StringInfo.GetTextElementEnumerator(text);
            while (e.MoveNext())
                yield return (string)e.Current;
        }

        private enum Script { Kanji, Hiragana, Katakana, Alphanumeric, Other }

        private static Script Classify(string element)
        {
            var c = char.ConvertToUtf32(element, 0);
            return c switch
            {
                >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF
                    or '々' or 'ヶ' or '〆' => Script.Kanji,
                >= 0x3041 and <= 0x309F => Script.Hiragana,
                >= 0x30A0 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9F => Script.Katakana,
                _ when char.IsLetterOrDigit(element, 0) => Script.Alphanumeric,
                _ => Script.Other,
            };
        }
    }
}
