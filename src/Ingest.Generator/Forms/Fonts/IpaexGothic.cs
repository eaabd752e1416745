using System.Reflection;

namespace Ingest.Generator.Forms.Fonts;

/// <summary>
/// IPAex Gothic (IPAexゴシック, version 004.01 as Debian's fonts-ipaexfont 00401 ships it), carried unmodified in this
/// assembly under the IPA Font License v1.0 (Fonts/IPA_Font_License_Agreement_v1.0.txt; Article 2.6 allows redistributing
/// the unmodified font, and a subset embedded in a PDF is a "Digital Document File" that carries no further obligation).
/// The generator embeds subsets of it, so its PDFs show Japanese correctly wherever they are opened and are the same
/// bytes on every machine, whether or not a Japanese font is installed there.
/// </summary>
internal static class IpaexGothic
{
    /// <summary>The PostScript name the PDF font dictionaries carry (after their subset tag).</summary>
    public const string PostScriptName = "IPAexGothic";

    private static readonly Lazy<TrueTypeFont> _font = new(() =>
    {
        const string name = "Ingest.Generator.Forms.Fonts.ipaexg.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from Ingest.Generator");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return TrueTypeFont.Read(bytes);
    });

    public static TrueTypeFont Font => _font.Value;
}
