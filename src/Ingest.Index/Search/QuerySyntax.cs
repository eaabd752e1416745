using System.Text;

namespace Ingest.Index.Search;

/// <summary>A parsed query: words and phrases combined with AND, OR and NOT, as in Elasticsearch's <c>simple_query_string</c>.</summary>
public abstract record QueryNode;

/// <summary>A word or quoted phrase, optionally limited to fields by a label (<c>保有課:戸籍住民課</c>) or a prefix (<c>暗号*</c>).</summary>
public sealed record TermNode(QueryPart Part, string? Label = null, bool Prefix = false) : QueryNode;

/// <summary>Every child must match.</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>At least one child must match.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>The child must not match (<c>-term</c>).</summary>
public sealed record NotNode(QueryNode Child) : QueryNode;

/// <summary>How a query text was read: its tree (null for an empty query) and, when the syntax could not be read, why.</summary>
public sealed record ParsedQuery(QueryNode? Root, string? Problem)
{
    /// <summary>True when the text was not valid syntax and was searched as plain words instead.</summary>
    public bool ReadAsPlainWords => Problem is not null;
}

/// <summary>
/// Reads what people type into a search box with the conventions of Elasticsearch's <c>simple_query_string</c>: words
/// separated by spaces are ANDed; <c>OR</c> or <c>|</c> between them; <c>-word</c> or <c>-"phrase"</c> excludes; <c>"…"</c>
/// is a phrase; <c>( )</c> group; <c>word*</c> is a prefix; <c>label:word</c> searches the fields of that label. Full-width
/// forms (（）｜－＂：“”) count as their ASCII ones, and ideographic spaces separate. A text that is not valid syntax
/// (an unclosed bracket or quote, a dangling OR or -) is read as plain words, and the result says so.
/// </summary>
public static class QuerySyntax
{
    /// <summary>Deepest bracket nesting read; deeper text is read as plain words.</summary>
    public const int MaxDepth = 8;

    private enum Kind { Word, Phrase, Open, Close, Or, And, Not }

    private readonly record struct Token(Kind Kind, string Text = "", string? Label = null, bool Prefix = false);

    public static ParsedQuery Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return new ParsedQuery(null, null);
        var text = query.Length > QueryText.MaxChars ? query[..QueryText.MaxChars] : query;
        try
        {
            var tokens = Tokenize(text);
            var parser = new Parser(tokens);
            var root = parser.ParseAll();
            if (CountTerms(root) > QueryText.MaxParts)
                throw new FormatException($"語が多すぎます（{QueryText.MaxParts}語まで）");
            return new ParsedQuery(root, null);
        }
        catch (FormatException e)
        {
            return new ParsedQuery(PlainWords(text), e.Message);
        }
    }

    /// <summary>The text as plain words and phrases, all ANDed (how every query was read before the syntax).</summary>
    public static QueryNode? PlainWords(string text)
    {
        var parts = QueryText.Parse(text);
        return parts.Count switch
        {
            0 => null,
            1 => new TermNode(parts[0]),
            _ => new AndNode(parts.Select(part => (QueryNode)new TermNode(part)).ToList()),
        };
    }

    /// <summary>The tree as text: <c>J-LIS AND (暗号化 OR 専用回線) AND NOT 機構</c>; labels and prefixes as typed.</summary>
    public static string Describe(QueryNode? node) => node switch
    {
        null => "(すべて)",
        TermNode term => (term.Label is null ? string.Empty : term.Label + ":") + (term.Part.Quoted ? $"\"{term.Part.Text}\"" : term.Part.Text) + (term.Prefix ? "*" : string.Empty),
        NotNode not => "NOT " + Describe(not.Child),
        AndNode and => string.Join(" AND ", and.Children.Select(child => child is OrNode ? $"({Describe(child)})" : Describe(child))),
        OrNode or => string.Join(" OR ", or.Children.Select(child => child is AndNode ? $"({Describe(child)})" : Describe(child))),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static int CountTerms(QueryNode? node) => node switch
    {
        TermNode => 1,
        NotNode not => CountTerms(not.Child),
        AndNode and => and.Children.Sum(CountTerms),
        OrNode or => or.Children.Sum(CountTerms),
        _ => 0,
    };

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c is '(' or '（')
            {
                tokens.Add(new Token(Kind.Open));
                i++;
                continue;
            }
            if (c is ')' or '）')
            {
                tokens.Add(new Token(Kind.Close));
                i++;
                continue;
            }
            if (c is '|' or '｜')
            {
                tokens.Add(new Token(Kind.Or));
                i++;
                continue;
            }
            if (c is '-' or '－' && AtWordStart(tokens, text, i))
            {
                if (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))
                    throw new FormatException("「-」の後に除く語がありません");
                tokens.Add(new Token(Kind.Not));
                i++;
                continue;
            }
            if (IsQuote(c))
            {
                var end = text.IndexOfAny(['"', '“', '”', '＂'], i + 1);
                if (end < 0)
                    throw new FormatException("引用符 \" が閉じていません");
                tokens.Add(new Token(Kind.Phrase, text[(i + 1)..end]));
                i = end + 1;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '（' or '）' or '|' or '｜') && !IsQuote(text[i]))
                i++;
            var word = text[start..i];
            var colon = word.IndexOfAny([':', '：']);
            if (colon > 0)
            {
                var label = word[..colon];
                var rest = word[(colon + 1)..];
                if (rest.Length == 0 && i < text.Length && IsQuote(text[i]))
                {
                    var end = text.IndexOfAny(['"', '“', '”', '＂'], i + 1);
                    if (end < 0)
                        throw new FormatException("引用符 \" が閉じていません");
                    tokens.Add(new Token(Kind.Phrase, text[(i + 1)..end], label));
                    i = end + 1;
                    continue;
                }
                if (rest.Length == 0)
                    throw new FormatException($"「{label}:」の後に語がありません");
                tokens.Add(WordToken(rest, label));
                continue;
            }
            if (word == "OR")
                tokens.Add(new Token(Kind.Or));
            else if (word is "AND" or "+")
                tokens.Add(new Token(Kind.And));
            else
                tokens.Add(WordToken(word, null));
        }
        return tokens;
    }

    private static Token WordToken(string word, string? label)
    {
        var prefix = word.Length > 1 && word[^1] is '*' or '＊';
        var body = prefix ? word[..^1] : word;
        if (body.Length == 0)
            throw new FormatException("「*」だけの語は検索できません");
        return new Token(Kind.Word, body, label, prefix);
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '＂';

    /// <summary>A minus excludes only at the start of a word (J-LIS keeps its hyphen).</summary>
    private static bool AtWordStart(List<Token> tokens, string text, int i) => i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '（' or '|' or '｜';

    /// <summary>Recursive descent: or := and (OR and)*; and := unary+; unary := NOT unary | ( or ) | word | phrase.</summary>
    private sealed class Parser(List<Token> tokens)
    {
        private int _at;
        private int _depth;

        public QueryNode? ParseAll()
        {
            if (tokens.All(token => token.Kind == Kind.And))
                return null;
            var node = ParseOr();
            if (_at < tokens.Count)
                throw new FormatException(tokens[_at].Kind == Kind.Close ? "閉じ括弧「)」に対応する「(」がありません" : "読めない位置があります");
            return node;
        }

        private QueryNode ParseOr()
        {
            var children = new List<QueryNode> { ParseAnd() };
            while (_at < tokens.Count && tokens[_at].Kind == Kind.Or)
            {
                _at++;
                children.Add(ParseAnd());
            }
            return children.Count == 1 ? children[0] : new OrNode(children);
        }

        private QueryNode ParseAnd()
        {
            var children = new List<QueryNode>();
            while (_at < tokens.Count && tokens[_at].Kind is not (Kind.Or or Kind.Close))
            {
                if (tokens[_at].Kind == Kind.And)
                {
                    _at++;
                    continue;
                }
                children.Add(ParseUnary());
            }
            if (children.Count == 0)
                throw new FormatException("OR の前後に語がありません");
            return children.Count == 1 ? children[0] : new AndNode(children);
        }

        private QueryNode ParseUnary()
        {
            var token = tokens[_at++];
            switch (token.Kind)
            {
                case Kind.Not:
                    if (_at >= tokens.Count || tokens[_at].Kind is Kind.Or or Kind.Close or Kind.Not or Kind.And)
                        throw new FormatException("「-」の後に除く語がありません");
                    return new NotNode(ParseUnary());
                case Kind.Open:
                    if (++_depth > MaxDepth)
                        throw new FormatException($"括弧の入れ子が深すぎます（{MaxDepth}段まで）");
                    var inner = ParseOr();
                    if (_at >= tokens.Count || tokens[_at].Kind != Kind.Close)
                        throw new FormatException("括弧「(」が閉じていません");
                    _at++;
                    _depth--;
                    return inner;
                case Kind.Word:
                    return new TermNode(new QueryPart(token.Text, false), token.Label, token.Prefix);
                case Kind.Phrase:
                    return new TermNode(new QueryPart(token.Text.Trim(), true), token.Label);
                default:
                    throw new FormatException("読めない位置があります");
            }
        }
    }
}
