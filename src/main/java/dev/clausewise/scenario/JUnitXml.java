package dev.clausewise.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A JUnit XML report of a suite run, one testsuite per scenario file, for CI systems. */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static String render(SuiteRun run) {
        Map<String, List<ScenarioResult>> byFile = new TreeMap<>(run.results().stream().collect(Collectors.groupingBy(r -> r.file().file())));
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        byFile.forEach((file, results) -> {
            long failures = results.stream().filter(r -> r.status() == ScenarioResult.Status.FAIL).count();
            long errors = results.stream().filter(r -> r.status() == ScenarioResult.Status.ERROR).count();
            b.append("  <testsuite name=\"").append(esc(file)).append("\" tests=\"").append(results.size())
                    .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\">\n");
            for (ScenarioResult r : results) {
                b.append("    <testcase classname=\"").append(esc(file)).append("\" name=\"").append(esc(r.scenario().name())).append('"');
                if (r.status() == ScenarioResult.Status.PASS) {
                    b.append("/>\n");
                } else {
                    String tag = r.status() == ScenarioResult.Status.FAIL ? "failure" : "error";
                    b.append(">\n      <").append(tag).append(" message=\"").append(esc(r.scenario().location().toString())).append("\">")
                            .append(esc(String.join("\n", r.diff()))).append("</").append(tag).append(">\n    </testcase>\n");
                }
            }
            b.append("  </testsuite>\n");
        });
        return b.append("</testsuites>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
