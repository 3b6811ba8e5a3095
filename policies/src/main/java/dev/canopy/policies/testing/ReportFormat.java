package dev.canopy.policies.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canopy.model.io.Mappers;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a {@link PolicyTestReport} is printed: {@code pretty} (one line per case, then {@code N
 * passed, N failed}), {@code json} (the report as a JSON object) or {@code junit} (JUnit XML,
 * one test suite per folder, for CI systems). Each returns the whole text, ending in a newline.
 */
public enum ReportFormat {
    PRETTY {
        @Override
        public String render(PolicyTestReport report) {
            StringBuilder out = new StringBuilder();
            for (CaseResult result : report.cases()) {
                switch (result.outcome()) {
                    case OK -> out.append("ok    ").append(result.id());
                    case FAIL -> out.append("fail: ")
                            .append(result.id())
                            .append(": ")
                            .append(String.join("; ", result.messages()));
                    case ERROR -> out.append("error: ")
                            .append(result.id())
                            .append(": ")
                            .append(String.join("; ", result.messages()));
                }
                out.append('\n');
            }
            out.append(report.passed())
                    .append(" passed, ")
                    .append(report.failed())
                    .append(" failed\n");
            return out.toString();
        }
    },
    JSON {
        @Override
        public String render(PolicyTestReport report) {
            try {
                return Mappers.prettyJson().writeValueAsString(report) + "\n";
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    JUNIT {
        @Override
        public String render(PolicyTestReport report) {
            Map<String, List<CaseResult>> byFolder = new LinkedHashMap<>();
            for (CaseResult result : report.cases()) {
                byFolder.computeIfAbsent(result.folder(), f -> new java.util.ArrayList<>())
                        .add(result);
            }
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.append(String.format(
                    Locale.ROOT,
                    "<testsuites name=\"canopy policy test\" tests=\"%d\" failures=\"%d\" errors=\"%d\">%n",
                    report.cases().size(),
                    count(report.cases(), CaseResult.Outcome.FAIL),
                    count(report.cases(), CaseResult.Outcome.ERROR)));
            for (Map.Entry<String, List<CaseResult>> suite : byFolder.entrySet()) {
                List<CaseResult> results = suite.getValue();
                out.append(String.format(
                        Locale.ROOT,
                        "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\">%n",
                        xml(suite.getKey()),
                        results.size(),
                        count(results, CaseResult.Outcome.FAIL),
                        count(results, CaseResult.Outcome.ERROR)));
                for (CaseResult result : results) {
                    out.append("    <testcase classname=\"")
                            .append(xml(suite.getKey()))
                            .append("\" name=\"")
                            .append(xml(result.name()))
                            .append("\" file=\"")
                            .append(xml(result.file()))
                            .append('"');
                    if (result.passed()) {
                        out.append("/>\n");
                        continue;
                    }
                    String element = result.outcome() == CaseResult.Outcome.FAIL ? "failure" : "error";
                    String text = String.join("\n", result.messages());
                    out.append(">\n      <")
                            .append(element)
                            .append(" message=\"")
                            .append(xml(
                                    result.messages().isEmpty()
                                            ? ""
                                            : result.messages().get(0)))
                            .append("\">")
                            .append(xml(text))
                            .append("</")
                            .append(element)
                            .append(">\n    </testcase>\n");
                }
                out.append("  </testsuite>\n");
            }
            out.append("</testsuites>\n");
            return out.toString();
        }
    };

    /** The report as text in this format. */
    public abstract String render(PolicyTestReport report);

    private static long count(List<CaseResult> results, CaseResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
