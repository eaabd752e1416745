import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Throughput reference: tokenizes one file in SEARCH mode with Lucene's Kuromoji (IPADIC, no user dictionary,
 * punctuation discarded), the whole file through one tokenizer per pass, WARMUPS untimed passes then ITERATIONS timed ones.
 * Usage: KuromojiBench FILE [ITERATIONS=5] [WARMUPS=2] [--lines] [--print]
 * With --lines each input line gets its own tokenizer, as `ingest tokenize` does; with --print the terms of the
 * last pass are written to stdout, space-separated, one output line per input line with --lines (the same text
 * output as `ingest tokenize`), for whole-process comparisons.
 * Results go to stderr as key=value lines.
 */
public final class KuromojiBench {
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: KuromojiBench FILE [ITERATIONS=5] [WARMUPS=2] [--lines] [--print]");
            System.exit(2);
        }
        boolean print = Arrays.asList(args).contains("--print");
        boolean perLine = Arrays.asList(args).contains("--lines");
        String[] numbers = Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        int iterations = numbers.length > 1 ? Integer.parseInt(numbers[1]) : 5;
        int warmups = numbers.length > 2 ? Integer.parseInt(numbers[2]) : 2;

        long start = System.nanoTime();
        // The first tokenizer loads the IPADIC dictionaries (lazy singletons): that is the load time we report.
        long firstTokens = tokenize(new StringReader("東京都に住む"), null);
        long dictionaryNanos = System.nanoTime() - start;

        byte[] bytes = Files.readAllBytes(Paths.get(numbers[0]));
        String text = new String(bytes, StandardCharsets.UTF_8);
        double megabytes = bytes.length / 1_000_000.0;

        String[] lines = perLine ? text.split("\n", -1) : null;
        for (int i = 0; i < warmups; i++) {
            pass(text, lines, null);
        }
        double[] rates = new double[iterations];
        long tokens = 0;
        for (int i = 0; i < iterations; i++) {
            BufferedWriter out = print && i == iterations - 1
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : null;
            long t0 = System.nanoTime();
            tokens = pass(text, lines, out);
            if (out != null) out.flush();
            rates[i] = megabytes / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        double mean = Arrays.stream(rates).average().orElse(0);

        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
        }
        System.err.printf("input_mb=%.3f%n", megabytes);
        System.err.printf("tokens=%d%n", tokens);
        System.err.printf("dict_load_ms=%.1f%n", dictionaryNanos / 1e6);
        System.err.printf("mb_per_s_mean=%.3f%n", mean);
        System.err.printf("mb_per_s_best=%.3f%n", iterations > 0 ? rates[iterations - 1] : 0);
        System.err.printf("peak_heap_mb=%.1f%n", peakHeap / 1e6);
        System.err.printf("first_tokens=%d%n", firstTokens);
    }

    private static long pass(String text, String[] lines, BufferedWriter out) throws IOException {
        if (lines == null) {
            return tokenize(new StringReader(text), out);
        }
        long count = 0;
        // A trailing newline leaves one empty element after the split; it is not a line.
        int last = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < last; i++) {
            count += tokenize(new StringReader(lines[i]), out);
            if (out != null) {
                out.append('\n');
            }
        }
        return count;
    }

    private static long tokenize(Reader reader, BufferedWriter out) throws IOException {
        JapaneseTokenizer tokenizer = new JapaneseTokenizer(reader, null, true, JapaneseTokenizer.Mode.SEARCH);
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        long count = 0;
        try {
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                count++;
                if (out != null) {
                    if (count > 1) out.append(' ');
                    out.append(term);
                }
            }
            tokenizer.end();
        } finally {
            tokenizer.close();
        }
        return count;
    }
}
