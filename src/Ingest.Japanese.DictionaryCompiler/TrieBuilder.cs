namespace Ingest.Japanese.DictionaryCompiler;

/// <summary>
/// Builds the prefix trie over the sorted word surfaces, breadth first, so that every node's children are
/// contiguous and sorted by label (the tokenizer binary-searches them) and every node that ends a surface
/// points at the contiguous run of word ids sharing that surface.
/// </summary>
internal static class TrieBuilder
{
    public sealed record Trie(int[] ChildStart, int[] ChildCount, char[] Label, int[] WordStart, int[] WordCount);

    /// <param name="surfaces">One surface per word id, sorted ordinally (equal surfaces adjacent).</param>
    public static Trie Build(IReadOnlyList<string> surfaces)
    {
        var childStart = new List<int>();
        var childCount = new List<int>();
        var label = new List<char>();
        var wordStart = new List<int>();
        var wordCount = new List<int>();

        // A node covers the word ids [From, To) whose surfaces share its prefix of length Depth.
        var queue = new Queue<(int Node, int From, int To, int Depth)>();
        AddNode('\0');
        queue.Enqueue((0, 0, surfaces.Count, 0));
        while (queue.Count > 0)
        {
            var (node, from, to, depth) = queue.Dequeue();
            var i = from;
            var ends = 0;
            while (i < to && surfaces[i].Length == depth)
            {
                i++;
                ends++;
            }

            if (ends > 0)
            {
                wordStart[node] = from;
                wordCount[node] = ends;
            }

            childStart[node] = label.Count;
            var children = 0;
            while (i < to)
            {
                var c = surfaces[i][depth];
                var j = i + 1;
                while (j < to && surfaces[j][depth] == c)
                {
                    j++;
                }

                var child = AddNode(c);
                queue.Enqueue((child, i, j, depth + 1));
                children++;
                i = j;
            }

            childCount[node] = children;
        }

        return new Trie(childStart.ToArray(), childCount.ToArray(), label.ToArray(), wordStart.ToArray(), wordCount.ToArray());

        int AddNode(char c)
        {
            childStart.Add(0);
            childCount.Add(0);
            label.Add(c);
            wordStart.Add(0);
            wordCount.Add(0);
            return label.Count - 1;
        }
    }
}
