using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Ingest.Readers.Pdf;

/// <summary>
/// Checks, before any page is read, that the form XObjects the pages draw neither draw each other in a loop nor nest
/// deeper than <see cref="PdfReaderOptions.MaxFormNesting"/>. PdfPig draws a form by recursing into its content and
/// notices only a form that draws itself; forms that draw each other (A draws B, B draws A: 879 bytes) or a chain
/// thousands deep overflow the stack, and a stack overflow ends the process, not the file. The walk follows what is
/// drawn, as PdfPig would: each page's content (resources inherited down the page tree), the <c>/Name Do</c> operators in
/// it, the form each name resolves to in the resources in force (a form's own, or those of whatever drew it), and so on.
/// Each form is expanded once per resource context, so shared forms cost nothing extra.
/// </summary>
internal sealed class FormXObjectGuard
{
    private const int MaxPageTreeDepth = 64;
    private const int MaxReferenceHops = 16;

    private readonly Structure _structure;
    private readonly IFilterProvider _filters;
    private readonly int _maxNesting;
    private readonly List<IndirectReference> _drawing = [];
    private readonly Dictionary<IndirectReference, Dictionary<DictionaryToken, int>> _expanded = [];
    private readonly HashSet<IndirectReference> _pageNodes = [];

    private FormXObjectGuard(Structure structure, IFilterProvider filters, int maxNesting)
    {
        _structure = structure;
        _filters = filters;
        _maxNesting = maxNesting;
    }

    /// <summary>Null when the drawn forms are acyclic and shallow enough; otherwise the reason.</summary>
    public static string? Check(Structure structure, IFilterProvider filters, int maxNesting)
    {
        var guard = new FormXObjectGuard(structure, filters, maxNesting);
        var root = guard.Resolve(structure.Catalog.CatalogDictionary.Data.GetValueOrDefault(NameToken.Pages.Data));
        return guard.PageNode(root as DictionaryToken, reference: null, inherited: null, depth: 0);
    }

    private string? PageNode(DictionaryToken? node, IndirectReference? reference, DictionaryToken? inherited, int depth)
    {
        if (node is null || depth > MaxPageTreeDepth || (reference is { } r && !_pageNodes.Add(r)))
            return null; // a malformed page tree is PdfPig's to report; here only what gets drawn matters
        var resources = Resolve(node.Data.GetValueOrDefault(NameToken.Resources.Data)) as DictionaryToken ?? inherited;
        if (Resolve(node.Data.GetValueOrDefault(NameToken.Kids.Data)) is ArrayToken kids)
        {
            foreach (var kid in kids.Data)
            {
                var kidReference = (kid as IndirectReferenceToken)?.Data;
                if (PageNode(Resolve(kid) as DictionaryToken, kidReference, resources, depth + 1) is { } refusal)
                    return refusal;
            }
            return null;
        }
        var contents = Resolve(node.Data.GetValueOrDefault(NameToken.Contents.Data));
        IEnumerable<IToken> streams = contents is ArrayToken parts ? parts.Data : contents is null ? [] : [contents];
        foreach (var stream in streams.Select(Resolve).OfType<StreamToken>())
        {
            if (Draw(stream, resources, nesting: 0) is { } refusal)
                return refusal;
        }
        return null;
    }

    /// <summary>Follows every form the content draws, with <paramref name="resources"/> in force.</summary>
    private string? Draw(StreamToken content, DictionaryToken? resources, int nesting)
    {
        var xObjects = Resolve(resources?.Data.GetValueOrDefault(NameToken.Xobject.Data)) as DictionaryToken;
        if (xObjects is null)
            return null;
        foreach (var name in ContentOperators.DrawnNames(Decode(content)))
        {
            if (xObjects.Data.GetValueOrDefault(name) is not IndirectReferenceToken { Data: var reference })
                continue;
            if (Resolve(new IndirectReferenceToken(reference)) is not StreamToken form || !IsForm(form))
                continue;
            if (_drawing.Contains(reference))
                return $"PDF form XObjects draw each other in a loop (objects {string.Join(" → ", _drawing.SkipWhile(d => !d.Equals(reference)).Append(reference).Select(d => d.ObjectNumber))})";
            if (nesting + 1 > _maxNesting)
                return $"PDF form XObjects nested deeper than {_maxNesting} (limit {nameof(PdfReaderOptions.MaxFormNesting)})";
            var own = Resolve(form.StreamDictionary.Data.GetValueOrDefault(NameToken.Resources.Data)) as DictionaryToken;
            // A form without resources uses those of whatever drew it (PDF 1.1 behaviour PdfPig keeps), so its expansion
            // depends on that context; with its own, once is enough.
            // Expanded again only when reached deeper than before, since only then can it break the nesting limit.
            var context = own is null ? resources ?? DictionaryToken.Empty : DictionaryToken.Empty;
            if (!_expanded.TryGetValue(reference, out var contexts))
                _expanded[reference] = contexts = new Dictionary<DictionaryToken, int>(ReferenceEqualityComparer.Instance);
            if (contexts.TryGetValue(context, out var expandedAt) && expandedAt >= nesting + 1)
                continue;
            contexts[context] = nesting + 1;
            _drawing.Add(reference);
            var refusal = Draw(form, own ?? resources, nesting + 1);
            _drawing.RemoveAt(_drawing.Count - 1);
            if (refusal is not null)
                return refusal;
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

    private IToken? Resolve(IToken? token)
    {
        for (var hops = 0; token is IndirectReferenceToken reference && hops < MaxReferenceHops; hops++)
        {
            try
            {
                token = _structure.GetObject(reference.Data)?.Data;
            }
            catch (Exception e) when (e is not (OutOfMemoryException or PdfBudgetExceededException))
            {
                return null;
            }
        }
        return token is IndirectReferenceToken ? null : token;
    }
}
