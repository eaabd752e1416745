import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Reference token dump for the Kuromoji conformance goldens (Lucene 4.10, IPADIC, no user dictionary).
 * Usage: TokenDump MODE INPUT.txt OUTPUT.tsv, MODE = normal|search|extended|analyzer, optionally suffixed -document.
 * TokenDump exported-search|exported-search-discard INPUT.txt OUTPUT.tsv RULES.csv: SEARCH mode with the user dictionary
 * built from RULES.csv, the user_dictionary_rules of an OpenSearch export (one rule a line, as exported). The -discard
 * variant leaves out the compound tokens (position length over 1) as discard_compound_token does in the plugin's newer
 * Lucene; 4.10 has no such switch, and a search-mode compound is the only token spanning more than one position.
 * Line modes analyse each input line on its own; output line = line number, TAB, tokens as term|start|end|posInc|posLen.
 * Document modes analyse the whole file as one input (line ends included); output line = token number, TAB, token,
 * offsets relative to the file.
 */
public final class TokenDump {
    public static void main(String[] args) throws IOException {
        if (args[0].startsWith("exported-")) {
            if (args.length != 4) {
                System.err.println("usage: TokenDump exported-search[-discard] INPUT OUTPUT RULES.csv");
                System.exit(2);
            }
            dumpExported(args[0].endsWith("-discard"), args[1], args[2], args[3]);
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: TokenDump (normal|search|extended|analyzer)[-document] INPUT OUTPUT");
            System.exit(2);
        }
        if (args[0].endsWith("-document")) {
            dumpDocument(args[0].substring(0, args[0].length() - "-document".length()), args[1], args[2]);
            return;
        }
        String mode = args[0];
        Analyzer analyzer = mode.equals("analyzer") ? new JapaneseAnalyzer() : null;
        try (BufferedReader in = Files.newBufferedReader(Paths.get(args[1]), StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            StringBuilder row = new StringBuilder();
            while ((line = in.readLine()) != null) {
                number++;
                row.setLength(0);
                row.append(number);
                TokenStream stream = analyzer != null
                    ? analyzer.tokenStream("f", new StringReader(line))
                    : new JapaneseTokenizer(new StringReader(line), null, true, parseMode(mode));
                dump(stream, row);
                out.write(row.toString());
                out.write('\n');
            }
        }
    }

    private static void dumpExported(boolean discardCompounds, String input, String output, String rules) throws IOException {
        UserDictionary dictionary;
        try (BufferedReader reader = Files.newBufferedReader(Paths.get(rules), StandardCharsets.UTF_8)) {
            dictionary = new UserDictionary(reader);
        }
        try (BufferedReader in = Files.newBufferedReader(Paths.get(input), StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(Paths.get(output), StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            StringBuilder row = new StringBuilder();
            while ((line = in.readLine()) != null) {
                number++;
                row.setLength(0);
                row.append(number);
                dump(new JapaneseTokenizer(new StringReader(line), dictionary, true, JapaneseTokenizer.Mode.SEARCH), row, discardCompounds);
                out.write(row.toString());
                out.write('\n');
            }
        }
    }

    private static void dumpDocument(String mode, String input, String output) throws IOException {
        String text = new String(Files.readAllBytes(Paths.get(input)), StandardCharsets.UTF_8);
        TokenStream stream = mode.equals("analyzer")
            ? new JapaneseAnalyzer().tokenStream("f", new StringReader(text))
            : new JapaneseTokenizer(new StringReader(text), null, true, parseMode(mode));
        StringBuilder all = new StringBuilder();
        dump(stream, all);
        // dump() writes TAB before every token; a document golden puts each token on its own numbered row.
        String[] tokens = all.length() == 0 ? new String[0] : all.substring(1).split("\t", -1);
        try (BufferedWriter out = Files.newBufferedWriter(Paths.get(output), StandardCharsets.UTF_8)) {
            for (int i = 0; i < tokens.length; i++) {
                out.write((i + 1) + "\t" + tokens[i] + "\n");
            }
        }
    }

    private static JapaneseTokenizer.Mode parseMode(String mode) {
        switch (mode) {
            case "normal": return JapaneseTokenizer.Mode.NORMAL;
            case "search": return JapaneseTokenizer.Mode.SEARCH;
            case "extended": return JapaneseTokenizer.Mode.EXTENDED;
            default: throw new IllegalArgumentException("unknown mode: " + mode);
        }
    }

    private static void dump(TokenStream stream, StringBuilder row) throws IOException {
        dump(stream, row, false);
    }

    private static void dump(TokenStream stream, StringBuilder row, boolean discardCompounds) throws IOException {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        PositionIncrementAttribute posInc = stream.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute posLen = stream.addAttribute(PositionLengthAttribute.class);
        try {
            stream.reset();
            while (stream.incrementToken()) {
                if (discardCompounds && posLen.getPositionLength() > 1) continue;
                row.append('\t');
                escape(term, row);
                row.append('|').append(offset.startOffset())
                   .append('|').append(offset.endOffset())
                   .append('|').append(posInc.getPositionIncrement())
                   .append('|').append(posLen.getPositionLength());
            }
            stream.end();
        } finally {
            stream.close();
        }
    }

    /** Backslash-escapes the golden's separators; a lone surrogate is written as backslash-u plus four hex digits. */
    private static void escape(CharSequence term, StringBuilder row) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\') row.append("\\\\");
            else if (c == '|') row.append("\\|");
            else if (c == '\t') row.append("\\t");
            else if (Character.isHighSurrogate(c) && i + 1 < term.length() && Character.isLowSurrogate(term.charAt(i + 1))) {
                row.append(c).append(term.charAt(++i));
            } else if (Character.isSurrogate(c)) row.append(String.format("\\u%04X", (int) c));
            else row.append(c);
        }
    }
}
