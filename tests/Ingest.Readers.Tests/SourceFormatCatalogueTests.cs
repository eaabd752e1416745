using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Readers.Conversion;
using Ingest.Readers.Docx;
using Ingest.Readers.Ocr;
using Ingest.Readers.Pdf;
using Ingest.Readers.Text;
using Ingest.Readers.Xlsx;
using Xunit;

namespace Ingest.Readers.Tests;

/// <summary>
/// Every format a reader writes into records is one the format catalogue knows, so the rendition ranking and the web
/// page never fall back to treating an office original as an unknown (least faithful) file.
/// </summary>
public sealed class SourceFormatCatalogueTests
{
    public static TheoryData<string> ReaderFormats()
    {
        IDocumentReader[] readers = [new TextDocumentReader(), new PdfDocumentReader(), new DocxDocumentReader(), new XlsxDocumentReader(), new ImageDocumentReader()];
        var data = new TheoryData<string>();
        foreach (var format in readers.Select(reader => reader.Format)
                     .Concat(new[] { ConvertedFormat.Doc, ConvertedFormat.Xls, ConvertedFormat.Rtf, ConvertedFormat.Odt, ConvertedFormat.Ods, ConvertedFormat.Jtd }.Select(f => f.Format)))
            data.Add(format);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReaderFormats))]
    public void Every_format_a_reader_records_is_in_the_catalogue(string format) => Assert.NotNull(SourceFormat.Named(format));

    [Fact]
    public void Converted_office_originals_rank_with_Word_and_direct_images_with_scans()
    {
        Assert.Equal(RenditionFidelity.Word, SourceFormat.Named(ConvertedFormat.Ods.Format)!.Fidelity);
        Assert.Equal(RenditionFidelity.Word, SourceFormat.Named(ConvertedFormat.Doc.Format)!.Fidelity);
        Assert.Equal(RenditionFidelity.Recognised, SourceFormat.Named(new ImageDocumentReader().Format)!.Fidelity);
        Assert.Null(SourceFormat.Named("written-by-a-newer-version"));
    }
}
