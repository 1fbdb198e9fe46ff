package nl.dialoogtafel.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The guard against a labelled corpus (src/test/resources/privacy/corpus.tsv): every BSN with a
 * BSN word in its sentence is found, every labelled phone number and e-mail address is found, and
 * nothing else is. A literal \n in a sentence stands for a line break. Prints the miss and
 * false-positive rates, so a change shows what it costs.
 */
class PrivacyCorpusTest {

    private record Line(int number, String label, String expected, String text) {}

    private static final Map<String, FindingKind> KINDS = Map.of(
            "bsn", FindingKind.BSN, "phone", FindingKind.PHONE, "email", FindingKind.EMAIL,
            "iban", FindingKind.IBAN, "postcode", FindingKind.POSTCODE_HOUSENUMBER, "dob", FindingKind.DATE_OF_BIRTH);

    private static List<Line> corpus() throws IOException {
        try (InputStream in = PrivacyCorpusTest.class.getResourceAsStream("/privacy/corpus.tsv")) {
            String[] rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].isBlank() || rows[i].startsWith("#")) {
                    continue;
                }
                String[] cols = rows[i].split("\t", 3);
                assertEquals(3, cols.length, "corpus line " + (i + 1) + " needs label, expected and text");
                assertTrue(cols[0].equals("none") || KINDS.containsKey(cols[0]), "unknown label on line " + (i + 1));
                lines.add(new Line(i + 1, cols[0], cols[1], cols[2].replace("\\n", "\n")));
            }
            return lines;
        }
    }

    /** The BSNs found, as nine digits (an eight-digit one gets its leading zero back). */
    private static Set<String> bsnDigits(List<Finding> findings) {
        return Set.copyOf(findings.stream().filter(f -> f.kind() == FindingKind.BSN)
                .map(f -> f.excerpt().replaceAll("\\D", ""))
                .map(d -> d.length() == 8 ? "0" + d : d).toList());
    }

    @Test
    @DisplayName("Corpus: 0 missed BSNs (keyword in the sentence), phones and e-mails; 0 false positives")
    void corpusRates() throws IOException {
        List<Line> corpus = corpus();
        Map<String, int[]> perLabel = new TreeMap<>(); // label -> {lines, misses, false positives}
        List<String> misses = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        for (Line line : corpus) {
            List<Finding> findings = PrivacyGuard.scan(line.text());
            FindingKind kind = KINDS.get(line.label());
            int[] counts = perLabel.computeIfAbsent(line.label(), l -> new int[3]);
            counts[0]++;
            boolean missed = kind == FindingKind.BSN
                    ? !bsnDigits(findings).containsAll(Arrays.asList(line.expected().split(",")))
                    : kind != null && findings.stream().noneMatch(f -> f.kind() == kind);
            boolean other = findings.stream().anyMatch(f -> f.kind() != kind);
            if (missed) {
                counts[1]++;
                misses.add(line.number() + ": " + line.text() + " -> " + findings);
            }
            if (other) {
                counts[2]++;
                falsePositives.add(line.number() + ": " + line.text() + " -> " + findings);
            }
        }
        int lines = corpus.size();
        System.out.printf(Locale.ROOT, "PrivacyGuard corpus: %d sentences%n", lines);
        perLabel.forEach((label, c) -> System.out.printf(Locale.ROOT,
                "  %-8s %3d sentences, missed %3d (%.1f %%), false positives %3d (%.1f %%)%n",
                label, c[0], c[1], 100.0 * c[1] / c[0], c[2], 100.0 * c[2] / c[0]));
        misses.forEach(m -> System.out.println("  MISS " + m));
        falsePositives.forEach(f -> System.out.println("  FALSE POSITIVE " + f));
        assertTrue(lines >= 300, "the corpus keeps at least 300 sentences");
        assertTrue(perLabel.get("bsn")[0] >= 150 && perLabel.get("none")[0] >= 100, "enough BSNs and look-alikes");
        assertEquals(List.of(), misses, "misses");
        assertEquals(List.of(), falsePositives, "false positives");
    }
}
