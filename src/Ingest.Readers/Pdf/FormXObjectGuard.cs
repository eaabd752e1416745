using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Ingest.Readers.Pdf;

/// <summary>
/// Checks, before any page is read, that the form XObjects the pages draw neither draw each other in a loop, nor nest
/// deeper than <see cref="PdfReaderOptions.MaxFormNesting"/>, nor get drawn more than <see cref="PdfReaderOptions.MaxFormDraws"/>
/// times in all. PdfPig draws a form by recursing into its content and notices only some loops: forms that draw each other
/// (A draws B, B draws A: 879 bytes) or a chain thousands deep overflow the stack, and a stack overflow ends the process,
/// not the file; a tree of forms each drawing the next level twice is exponential work.
/// The walk draws as PdfPig does, without drawing: each page's content, the <c>/Name Do</c> operators in it, and the form
/// each name resolves to. Names resolve through a stack of resource dictionaries, innermost first — the form's own, then
/// whatever drew it, up to the page and the page tree's inherited resources — because PdfPig looks names up that way (the
/// fuzzer found a form with resources of its own that draws itself by a name only the page's resources define).
/// </summary>
internal sealed class FormXObjectGuard
{
    private const int MaxPageTreeDepth = 64;
    private const int MaxReferenceHops = 16;

    private readonly Structure _structure;
    private readonly IFilterProvider _filters;
    private readonly PdfReaderOptions _options;
    private readonly List<IndirectReference> _drawing = [];
    private readonly List<DictionaryToken> _scopes = [];
    private readonly Dictionary<IndirectReference, IReadOnlyList<string>> _drawnNames = [];
    private readonly HashSet<IndirectReference> _pageNodes = [];
    private readonly Dictionary<IndirectReference, IToken?> _objects = [];
    private int _draws;

    private FormXObjectGuard(Structure structure, IFilterProvider filters, PdfReaderOptions options)
    {
        _structure = structure;
        _filters = filters;
        _options = options;
    }

    /// <summary>Null when the drawn forms are acyclic, shallow and few enough; otherwise the reason.</summary>
    public static string? Check(Structure structure, IFilterProvider filters, PdfReaderOptions options)
    {
        var guard = new FormXObjectGuard(structure, filters, options);
        var root = guard.Resolve(structure.Catalog.CatalogDictionary.Data.GetValueOrDefault(NameToken.Pages.Data));
        return guard.PageNode(root as DictionaryToken, reference: null, depth: 0);
    }

    private string? PageNode(DictionaryToken? node, IndirectReference? reference, int depth)
    {
        if (node is null || depth > MaxPageTreeDepth || (reference is { } r && !_pageNodes.Add(r)))
            return null; // a malformed page tree is PdfPig's to report; here only what gets drawn matters
        var scoped = Push(node.Data.GetValueOrDefault(NameToken.Resources.Data));
        try
        {
            if (Resolve(node.Data.GetValueOrDefault(NameToken.Kids.Data)) is ArrayToken kids)
            {
                foreach (var kid in kids.Data)
                {
                    if (PageNode(Resolve(kid) as DictionaryToken, (kid as IndirectReferenceToken)?.Data, depth + 1) is { } refusal)
                        return refusal;
                }
                return null;
            }
            var contents = Resolve(node.Data.GetValueOrDefault(NameToken.Contents.Data));
            IEnumerable<IToken> streams = contents is ArrayToken parts ? parts.Data : contents is null ? [] : [contents];
            foreach (var stream in streams.Select(Resolve).OfType<StreamToken>())
            {
                if (Draw(ContentOperators.DrawnNames(Decode(stream)), nesting: 0) is { } refusal)
                    return refusal;
            }
            return null;
        }
        finally
        {
            if (scoped)
                _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    /// <summary>Follows every form drawn by these names, with the current resource stack.</summary>
    private string? Draw(IReadOnlyList<string> names, int nesting)
    {
        foreach (var name in names)
        {
            if (Lookup(name) is not { } reference || Resolve(new IndirectReferenceToken(reference)) is not StreamToken form || !IsForm(form))
                continue;
            if (_drawing.Contains(reference))
                return Loop(reference);
            if (nesting + 1 > _options.MaxFormNesting)
                return $"PDF form XObjects nested deeper than {_options.MaxFormNesting} (limit {nameof(PdfReaderOptions.MaxFormNesting)})";
            if (++_draws > _options.MaxFormDraws)
                return $"PDF draws form XObjects more than {_options.MaxFormDraws:N0} times (limit {nameof(PdfReaderOptions.MaxFormDraws)})";
            if (!_drawnNames.TryGetValue(reference, out var inner))
                _drawnNames[reference] = inner = ContentOperators.DrawnNames(Decode(form));
            _drawing.Add(reference);
            var scoped = Push(form.StreamDictionary.Data.GetValueOrDefault(NameToken.Resources.Data));
            var refusal = Draw(inner, nesting + 1);
            if (scoped)
                _scopes.RemoveAt(_scopes.Count - 1);
            _drawing.RemoveAt(_drawing.Count - 1);
            if (refusal is not null)
                return refusal;
        }
        return null;
    }

    private string Loop(IndirectReference reference)
    {
        var loop = _drawing.SkipWhile(d => !d.Equals(reference)).Append(reference).Select(d => d.ObjectNumber).ToArray();
        return loop.Length == 2
            ? $"PDF form XObject draws itself (object {loop[0]})"
            : $"PDF form XObjects draw each other in a loop (objects {string.Join(" → ", loop)})";
    }

    /// <summary>Pushes a resource dictionary when there is one; true when it did.</summary>
    private bool Push(IToken? resources)
    {
        if (Resolve(resources) is not DictionaryToken dictionary)
            return false;
        _scopes.Add(dictionary);
        return true;
    }

    /// <summary>The object a name drawn with Do stands for, looked up innermost resources first.</summary>
    private IndirectReference? Lookup(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (Resolve(_scopes[i].Data.GetValueOrDefault(NameToken.Xobject.Data)) is DictionaryToken xObjects &&
                xObjects.Data.GetValueOrDefault(name) is IndirectReferenceToken { Data: var reference })
                return reference;
        }
        return null;
    }

    private static bool IsForm(StreamToken stream) =>
        stream.StreamDictionary.Data.GetValueOrDefault(NameToken.Subtype.Data) is NameToken { Data: "Form" };

    /// <summary>The decoded content, through the budgeted filters; damaged content draws nothing here (PdfPig reports it).</summary>
    private byte[] Decode(StreamToken stream)
    {
        try
        {
            return stream.Decode(_filters).ToArray();
        }
        catch (PdfBudgetExceededException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }

    /// <summary>Follows indirect references; each object is fetched once, since a form may be looked up thousands of times.</summary>
    private IToken? Resolve(IToken? token)
    {
        for (var hops = 0; token is IndirectReferenceToken reference && hops < MaxReferenceHops; hops++)
        {
            if (!_objects.TryGetValue(reference.Data, out var target))
            {
                try
                {
                    target = _structure.GetObject(reference.Data)?.Data;
                }
                catch (Exception e) when (e is not (OutOfMemoryException or PdfBudgetExceededException))
                {
                    target = null;
                }
                _objects[reference.Data] = target;
            }
            token = target;
        }
        return token is IndirectReferenceToken ? null : token;
    }
}
