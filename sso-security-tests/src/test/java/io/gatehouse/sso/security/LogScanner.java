package io.gatehouse.sso.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the test run's log file (slf4j-simple writes every line to the file named by the system property
 * {@code org.slf4j.simpleLogger.logFile}, which the root pom's surefire configuration sets) and finds the
 * lines that contain a secret.
 */
final class LogScanner {
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    private LogScanner() {
    }

    static Path logFile() {
        String file = System.getProperty(LOG_FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            throw new AssertionError("System property " + LOG_FILE_PROPERTY + " is not set: run the suite through Maven "
                    + "(the root pom's surefire configuration sets it)");
        }
        return Path.of(file);
    }

    /** The log written since {@code offset} (a byte count); empty when Maven did not configure a log file. */
    static String since(long offset) {
        String file = System.getProperty(LOG_FILE_PROPERTY);
        if (file == null || file.isBlank() || !Files.exists(Path.of(file))) {
            return "";
        }
        try {
            byte[] all = Files.readAllBytes(Path.of(file));
            return offset >= all.length ? "" : new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log file's current size in bytes; 0 when Maven did not configure one. */
    static long size() {
        String file = System.getProperty(LOG_FILE_PROPERTY);
        try {
            return file == null || file.isBlank() || !Files.exists(Path.of(file)) ? 0 : Files.size(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) throws IOException {
        // decode leniently: fuzzed requests put arbitrary characters into log lines
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    }

    /** Every line containing one of {@code secrets}, prefixed by the line number and the secret found. */
    static List<String> leaks(List<String> lines, List<String> secrets) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String secret : secrets) {
                if (lines.get(i).contains(secret)) {
                    found.add("line " + (i + 1) + " contains '" + secret + "': " + lines.get(i));
                }
            }
        }
        return found;
    }
}
