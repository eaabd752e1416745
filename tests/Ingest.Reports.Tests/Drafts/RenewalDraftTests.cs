using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Ingest.Core.Records;
using Ingest.Generator.Forms;
using Ingest.Pipeline;
using Ingest.Reports.Drafts;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;
using Xunit.Abstractions;

namespace Ingest.Reports.Tests.Drafts;

/// <summary>
/// Next term's drafts for every due arrangement of the seeds and the corpus, written as Word files and read back with our
/// own extractor: the same arrangement (kind, 保有課, partners, every field but the period) for the next term.
/// </summary>
public sealed class RenewalDraftTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<SubmissionRecord>> _records = new(() =>
        [.. Corpus.Seeds(), .. Corpus.Renewals(), .. Corpus.ExtractAll(Path.Combine(AppContext.BaseDirectory, "corpus", "labels"))]);

    private static readonly DateOnly AsOf = new(2026, 11, 22);

    private static IReadOnlyList<RenewalDraft> Drafts(DateOnly asOf) => RenewalDrafts.Plan(_records.Value, new RenewalQuery { AsOf = asOf });

    [Fact]
    public void EveryDueArrangementHasExactlyOneDraftAndEveryDraftRenewsOnlyDueOnes()
    {
        var report = RenewalReportBuilder.Build(_records.Value, new RenewalQuery { AsOf = AsOf });
        var drafts = Drafts(AsOf);
        var due = report.NeedingRenewal.Select(r => (r.Path, r.SheetType, r.OwningSection)).OrderBy(x => x.ToString()).ToList();
        var drafted = drafts.SelectMany(d => d.Renewed).Select(a => (a.Path, a.SheetType, a.OwningSection)).OrderBy(x => x.ToString()).ToList();
        Assert.NotEmpty(due);
        Assert.Equal(due, drafted);
        // Seed 003 holds a 委任 and a 委託 that are both due: one draft holds both.
        Assert.Contains(drafts, d => d.Renewed.Count == 2);
        Assert.Equal(drafts.Count, drafts.Select(d => d.FileName).Distinct().Count());
        // Names sort by due date then section.
        Assert.Equal(drafts.Select(d => d.FileName).Order(StringComparer.Ordinal), drafts.Select(d => d.FileName));
        Assert.All(drafts, d => Assert.StartsWith("2027-03-31_", d.FileName));
    }

    [Fact]
    public void EveryDraftReadsBackAsTheSameArrangementsForTheNextTerm()
    {
        var directory = Directory.CreateTempSubdirectory("ingest-drafts-").FullName;
        try
        {
            var drafts = Drafts(AsOf);
            var paths = RenewalDraftWriter.WriteAll(drafts, directory);
            Assert.Equal(drafts.Count, Directory.GetFiles(directory, "*.docx").Length);
            for (var i = 0; i < drafts.Count; i++)
            {
                var draft = drafts[i];
                var result = IngestPipeline.Default.ExtractFile(paths[i]);
                Assert.True(result.Succeeded, $"{paths[i]}: {result.Error}");
                var read = Assert.Single(result.Submissions);
                output.WriteLine($"{draft.FileName}: {read.Sheets.Count} sheet(s), period {read.Sheets[0].Period?.Text}");

                Assert.Equal(draft.Original.Title, read.Title);
                Assert.Equal(draft.Original.Department, read.Department);
                Assert.Equal(draft.Original.Basis?.Article, read.Basis?.Article);
                Assert.Equal(draft.Original.Overview, read.Overview);
                Assert.Equal(draft.Renewed.Count, read.Sheets.Count);
                for (var s = 0; s < draft.Renewed.Count; s++)
                    AssertSameArrangementNextTerm(draft.Renewed[s].Sheet, read.Sheets[s], draft.Term, draft.FileName);
                // The latest approval joins the prior-approval line; earlier ones stay.
                var latestYear = draft.Renewed[0].FiscalYear;
                Assert.Contains(read.PriorApprovals, p => p.FiscalYear == latestYear);
                foreach (var earlier in draft.Original.PriorApprovals)
                    Assert.Contains(read.PriorApprovals, p => p.FiscalYear == earlier.FiscalYear && p.Session == earlier.Session);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void AssertSameArrangementNextTerm(SheetRecord was, SheetRecord read, NextTerm term, string file)
    {
        Assert.Equal(was.Type, read.Type);
        Assert.Equal(was.Title, read.Title);
        Assert.Equal(was.Partners, read.Partners);
        Assert.NotNull(read.Period);
        Assert.Equal(term.Start, read.Period!.Start);
        Assert.Equal(term.End, read.Period.End);
        Assert.Equal(Recurrence.Annual, read.Period.Recurrence);
        // The recurrence phrase is kept word for word.
        Assert.Equal(was.Period!.Evidence, read.Period.Evidence);
        Assert.Equal(was.Fields.Keys, read.Fields.Keys);
        foreach (var (label, value) in was.Fields)
        {
            if (value.Contains(was.Period.Text, StringComparison.Ordinal))
                Assert.Equal(term.Roll(was.Period), read.Fields[label]);
            else
                Assert.True(value == read.Fields[label], $"{file}: {label}: '{value}' became '{read.Fields[label]}'");
        }
        Assert.Empty(read.ChangedFields);
    }

    [Fact]
    public void WesternYearsStayWestern()
    {
        var draft = Drafts(AsOf).Single(d => Corpus.FileName(d.Original.Source.Path).StartsWith("r07_sodaigomi", StringComparison.Ordinal));
        Assert.Equal("2027-03-31_ごみ減量リサイクル課_委託_粗大ごみ受付センターの運営業務の委託について.docx", draft.FileName);
        var sheet = Assert.Single(draft.Record.Sheets);
        // The record holds the cell as the extractor folded it (full-width digits and brackets to ASCII); the draft follows it.
        Assert.Equal("2027年4月1日から2028年3月31日まで(年度ごとに契約を更新する。)", sheet.Fields["委託の開始時期及び期限"]);
        // A 管理運営会議 submission's approval is the meeting's own, and the meeting is not known from a text dump.
        Assert.Equal($"令和7年度第{Placeholders.For("回")}回本会議承認", draft.Record.PriorApprovals[^1].Text);
    }

    [Fact]
    public void WhatTheToolCannotKnowIsAHighlightedPlaceholderNeverAGuess()
    {
        var draft = Drafts(AsOf).First(d => d.Original.Meeting is null);
        using var stream = new MemoryStream();
        RenewalDraftWriter.Write(draft, stream);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var highlighted = document.MainDocumentPart!.Document.Descendants<Run>()
            .Where(r => r.RunProperties?.Highlight is not null).Select(r => r.InnerText).ToList();
        Assert.Contains(Placeholders.For("資料番号"), highlighted);
        Assert.Contains(Placeholders.For("回"), highlighted);
        // Nothing else is highlighted, and every placeholder is.
        Assert.All(highlighted, h => Assert.True(Placeholders.In(h), h));
        var text = document.MainDocumentPart.Document.Body!.InnerText;
        Assert.Equal(highlighted.Count, Placeholders.Split(text).Count(p => p.IsPlaceholder));
    }

    [SkippableFact]
    public void LibreOfficeOpensEveryDraft()
    {
        Skip.If(LibreOfficeCalc.Soffice is null, LibreOfficeCalc.WhyNot);
        var directory = Directory.CreateTempSubdirectory("ingest-drafts-lo-").FullName;
        try
        {
            // soffice with Calc alone is there but cannot open a Word file: make sure Writer is, so a failure below is ours.
            var probe = Path.Combine(directory, "probe.txt");
            File.WriteAllText(probe, "probe\n");
            var (_, probeSaid) = LibreOfficeCalc.Run(LibreOfficeCalc.Soffice!, directory, "--convert-to", "odt", "--outdir", directory, probe);
            Skip.IfNot(File.Exists(Path.Combine(directory, "probe.odt")), $"LibreOffice Writer cannot convert here (install libreoffice-writer-nogui): {probeSaid.Trim()}");
            var drafts = Drafts(AsOf);
            var paths = RenewalDraftWriter.WriteAll(drafts, directory);
            var (code, said) = LibreOfficeCalc.Run(LibreOfficeCalc.Soffice!, directory,
                ["--convert-to", "txt:Text (encoded):UTF8", "--outdir", Path.Combine(directory, "txt"), .. paths]);
            Assert.True(code == 0, said);
            for (var i = 0; i < drafts.Count; i++)
            {
                var txt = Path.Combine(directory, "txt", Path.GetFileNameWithoutExtension(paths[i]) + ".txt");
                Assert.True(File.Exists(txt), $"{drafts[i].FileName}: LibreOffice wrote no text ({said.Trim()})");
                var text = File.ReadAllText(txt);
                Assert.Contains(drafts[i].Original.Title!, text);
                Assert.Contains(drafts[i].Term.Roll(drafts[i].Renewed[0].Period!), text);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
