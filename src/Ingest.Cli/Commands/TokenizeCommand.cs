using System.CommandLine;
using System.Globalization;
using System.Text;
using Ingest.Japanese;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Ingest.Core.Diagnostics;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest tokenize [--mode search|normal|extended] [--analyzer] [--domain] [--user-dict FILE] [--format text|tsv]</c>:
/// reads lines on standard input and writes, per line, the Japanese tokenizer's terms separated by single spaces
/// (after the whole analyzer chain with <c>--analyzer</c>), or one TSV row per token with <c>--format tsv</c>.
/// </summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var mode = new Option<string>("--mode") { Description = "Segmentation mode: search (default, as Kuromoji), normal or extended.", DefaultValueFactory = _ => "search" };
        mode.AcceptOnlyFromAmong("search", "normal", "extended");
        var analyzer = new Option<bool>("--analyzer") { Description = "Print the terms after the full analyzer chain (base form, stop tags, width, stop words, katakana stem, lower case)." };
        var domain = new Option<bool>("--domain") { Description = "Use the product's domain user dictionary." };
        var userDictionary = new Option<string?>("--user-dict") { Description = "Use this Kuromoji user-dictionary CSV file." };
        var format = new Option<string>("--format") { Description = "text (terms per line) or tsv (term, start, end, position increment, part of speech, base form, reading).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "tsv");
        var discardCompound = new Option<bool>("--discard-compound") { Description = "In search mode, emit a compound's parts but not the compound itself." };
        var command = new Command("tokenize", "Tokenize Japanese text from standard input, one output line per input line.")
        {
            mode, analyzer, domain, userDictionary, format, discardCompound,
        };
        command.SetAction(parse =>
        {
            var settings = new TokenizeSettings(
                ParseMode(parse.GetValue(mode)!), parse.GetValue(analyzer), parse.GetValue(domain), parse.GetValue(userDictionary),
                parse.GetValue(format) == "tsv", parse.GetValue(discardCompound));
            // Console.Out flushes every line to the file descriptor; on megabytes of text that is a system call per line.
            // Own buffered UTF-8 streams instead (no byte-order mark, as Program.Main sets the console's). The output is flushed before
            // every read of standard input, which may block: a line typed at a terminal is still answered at once.
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), StreamBufferSize) { AutoFlush = false };
            using var input = new StreamReader(new FlushBeforeReading(Console.OpenStandardInput(), output), new UTF8Encoding(false),
                detectEncodingFromByteOrderMarks: false, StreamBufferSize);
            return Run(settings, input, output, Console.Error);
        });
        return command;
    }

    private const int StreamBufferSize = 1 << 16;

    /// <summary>
    /// Standard input that flushes a buffered writer before each read: whatever was answered so far is out before the
    /// command may wait for more input (as C's stdio does for a terminal), yet a large input costs a flush per block only.
    /// </summary>
    internal sealed class FlushBeforeReading(Stream input, TextWriter output) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            output.Flush();
            return input.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            output.Flush();
            return input.Read(buffer);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    internal sealed record TokenizeSettings(JapaneseTokenizerMode Mode, bool Analyzer, bool Domain, string? UserDictionaryPath, bool Tsv, bool DiscardCompound);

    internal static int Run(TokenizeSettings settings, TextReader input, TextWriter output, TextWriter error)
    {
        UserDictionary? dictionary;
        try
        {
            dictionary = settings switch
            {
                { Domain: true, UserDictionaryPath: not null } => throw new ArgumentException("--domain and --user-dict cannot be combined: choose one dictionary"),
                { Domain: true } => UserDictionary.Domain,
                { UserDictionaryPath: { } path } => UserDictionary.Load(path),
                _ => null,
            };
        }
        catch (Exception exception) when (exception is FormatException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            error.WriteLine(ConsoleText.Line($"tokenize: {exception.Message}"));
            return 1;
        }

        // Both paths go through an Analyzer so one tokenizer is reused for every line (Lucene hands it the next reader);
        // a new tokenizer per line would allocate its buffers again each time.
        using var analyzer = settings.Analyzer
            ? new JapaneseAnalyzer(new JapaneseAnalyzerOptions { UserDictionary = dictionary, Mode = settings.Mode, DiscardCompoundToken = settings.DiscardCompound })
            : Analyzer.NewAnonymous((_, reader) => new TokenStreamComponents(
                new JapaneseTokenizer(reader, dictionary, discardPunctuation: true, settings.Mode, settings.DiscardCompound)));
        while (input.ReadLine() is { } line)
        {
            using var stream = analyzer.GetTokenStream("text", new StringReader(line));
            if (settings.Tsv)
            {
                WriteTsv(stream, output);
            }
            else
            {
                WriteTerms(stream, output);
            }
        }

        output.Flush();
        return 0;
    }

    /// <summary>The terms separated by single spaces, copied from the term buffer (no string per token unless it needs escaping).</summary>
    private static void WriteTerms(TokenStream stream, TextWriter output)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var first = true;
        while (stream.IncrementToken())
        {
            if (!first)
            {
                output.Write(' ');
            }

            first = false;
            var text = term.Buffer.AsSpan(0, term.Length);
            if (ConsoleText.NeedsEscaping(text))
            {
                output.Write(ConsoleText.Escape(text.ToString()));
            }
            else
            {
                output.Write(text);
            }
        }

        stream.End();
        output.WriteLine();
    }

    /// <summary>One row per token, an empty row after each input line.</summary>
    private static void WriteTsv(TokenStream stream, TextWriter output)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var partOfSpeech = stream.AddAttribute<IPartOfSpeechAttribute>();
        var baseForm = stream.AddAttribute<IBaseFormAttribute>();
        var reading = stream.AddAttribute<IReadingAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            output.WriteLine(string.Join('\t',
                ConsoleText.Escape(term.ToString()),
                offset.StartOffset.ToString(CultureInfo.InvariantCulture),
                offset.EndOffset.ToString(CultureInfo.InvariantCulture),
                increment.PositionIncrement.ToString(CultureInfo.InvariantCulture),
                partOfSpeech.PartOfSpeech ?? "*",
                ConsoleText.Escape(baseForm.BaseForm ?? "*"),
                reading.Reading ?? "*"));
        }

        stream.End();
        output.WriteLine();
    }

    private static JapaneseTokenizerMode ParseMode(string mode) => mode switch
    {
        "normal" => JapaneseTokenizerMode.Normal,
        "extended" => JapaneseTokenizerMode.Extended,
        _ => JapaneseTokenizerMode.Search,
    };
}
