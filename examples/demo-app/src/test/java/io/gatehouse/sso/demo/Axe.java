package io.gatehouse.sso.demo;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core run in the page the browser shows, failing on any violation of WCAG 2.0, 2.1 or 2.2 level A or AA.
 * axe-core comes from the npm registry, installed before the tests run (by {@code .ci/run}, or by the demo's
 * {@code axe-core} build profile into {@code target/axe}); the test never downloads it. Without it the check is
 * skipped with a message, except on CI ({@code CI=true}), where it fails.
 */
final class Axe {
    /** Where axe-core's script is; {@code -Dgatehouse.axe=...} names another. */
    static final Path SCRIPT = Path.of(System.getProperty("gatehouse.axe",
            Path.of(System.getProperty("basedir", ".")).resolve("target/axe/node_modules/axe-core/axe.min.js").toString()));
    private static final String RUN = "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
            + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help"
            + " + ' at ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); })"
            + ".catch(function (e) { done(['axe failed: ' + e]); });";

    private final String script;

    private Axe(String script) {
        this.script = script;
    }

    /** axe-core, or the test skipped (failed on CI) when it is not installed. */
    static Axe installed() {
        if (!Files.isReadable(SCRIPT)) {
            String missing = SCRIPT + " is missing; install it with: npm install --prefix target/axe axe-core@4.11.0";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("On CI (CI=true) the accessibility check must run, but " + missing);
            }
            System.err.println("WARNING: accessibility check skipped: " + missing);
            Assumptions.abort("accessibility check skipped: " + missing);
        }
        try {
            return new Axe(Files.readString(SCRIPT, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails when the current page has any WCAG A or AA violation, listing them. */
    @SuppressWarnings("unchecked")
    void check(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script);
        List<String> violations = (List<String>) js.executeAsyncScript(RUN);
        Assertions.assertEquals(List.of(), violations, "WCAG A/AA violations on " + browser.getCurrentUrl());
    }
}
