package io.gatehouse.sso.demo;

import java.time.Instant;
import java.util.List;

/**
 * One mail the in-JVM mail server received, as the inbox page shows it.
 *
 * @param from     the From header
 * @param to       the recipients
 * @param subject  the subject
 * @param received when it arrived (the Date header, or the time it was read)
 * @param text     the plain-text body (or the HTML body's text when there is none)
 * @param links    the http(s) links in the body, in order, without duplicates
 */
public record DemoMail(String from, List<String> to, String subject, Instant received, String text, List<String> links) {
    public DemoMail {
        to = List.copyOf(to);
        links = List.copyOf(links);
    }
}
