package io.gatehouse.sso.core.diagnostics;

import io.gatehouse.sso.core.i18n.Messages;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Every check of one social application, in the order they ran.
 *
 * <pre>{@code
 * Diagnosis d = diagnostics.diagnose(app, baseUrl);
 * if (d.overall() == CheckStatus.FAIL) {
 *     log.warn("{}", d.report(Messages.of(), Locale.ENGLISH));
 * }
 * }</pre>
 *
 * @param appId       the application's id
 * @param appName     its name
 * @param provider    its provider id
 * @param callbackUrl the callback URL Gatehouse sends to the IdP for this site
 * @param checks      the results
 */
public record Diagnosis(String appId, String appName, String provider, URI callbackUrl, List<CheckResult> checks) {
    /**
     * Requires the callback URL; copies the checks.
     *
     * @param appId the application's id
     * @param appName its name
     * @param provider its provider id
     * @param callbackUrl the callback URL Gatehouse sends to the IdP for this site
     * @param checks the results
     */
    public Diagnosis {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        checks = List.copyOf(checks);
    }

    /**
     * The worst status of any check.
     *
     * @return {@code PASS} when every check passed
     */
    public CheckStatus overall() {
        return checks.stream().map(CheckResult::status).reduce(CheckStatus.PASS, CheckStatus::worst);
    }

    /**
     * One line per check: status, what was found and, unless it passed, the fix.
     *
     * @param messages the bundles the texts come from
     * @param locale the reader's language
     * @return the report, one line per check
     */
    public String report(Messages messages, Locale locale) {
        StringBuilder out = new StringBuilder();
        for (CheckResult r : checks) {
            out.append(r.status()).append(' ').append(r.check()).append(": ").append(messages.text(locale, r.summary()));
            if (r.status() != CheckStatus.PASS) {
                out.append(" -> ").append(messages.text(locale, r.fix()));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
