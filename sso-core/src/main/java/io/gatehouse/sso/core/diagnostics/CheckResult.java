package io.gatehouse.sso.core.diagnostics;

import io.gatehouse.sso.core.i18n.Message;

import java.util.Objects;

/**
 * One check of a social application: which, how it came out, what was found and the one-line fix. The texts
 * are {@link Message}s, shown in the reader's language by {@link io.gatehouse.sso.core.i18n.Messages}.
 *
 * <pre>{@code
 * CheckResult r = CheckResult.fail("discovery", Message.of("check.discovery.unreachable", url, detail),
 *         Message.of("check.discovery.unreachable.fix"));
 * }</pre>
 *
 * @param check   stable id of the check: {@code app}, {@code callback_url}, {@code setting_keys}, {@code discovery},
 *                {@code signing_keys}, {@code client_secret}, {@code groups_claim}
 * @param status  pass, warn or fail
 * @param summary what was found
 * @param fix     what to do; empty key for a pass
 */
public record CheckResult(String check, CheckStatus status, Message summary, Message fix) {
    private static final Message NOTHING = new Message("check.nothing_to_fix", null);

    /**
     * Requires {@code check}, {@code status} and {@code summary}; a {@code null} fix means nothing to fix.
     *
     * @param check stable id of the check: {@code app}, {@code callback_url}, {@code setting_keys}, {@code discovery},
     *     {@code signing_keys}, {@code client_secret}, {@code groups_claim}
     * @param status pass, warn or fail
     * @param summary what was found
     * @param fix what to do; empty key for a pass
     */
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        fix = fix == null ? NOTHING : fix;
    }

    /**
     * A check that passed.
     *
     * @param check the check's id
     * @param summary what was found
     * @return the result
     */
    public static CheckResult pass(String check, Message summary) {
        return new CheckResult(check, CheckStatus.PASS, summary, NOTHING);
    }

    /**
     * A check that found something worth fixing that does not stop sign-ins.
     *
     * @param check the check's id
     * @param summary what was found
     * @param fix what to do
     * @return the result
     */
    public static CheckResult warn(String check, Message summary, Message fix) {
        return new CheckResult(check, CheckStatus.WARN, summary, fix);
    }

    /**
     * A check that found what stops sign-ins.
     *
     * @param check the check's id
     * @param summary what was found
     * @param fix what to do
     * @return the result
     */
    public static CheckResult fail(String check, Message summary, Message fix) {
        return new CheckResult(check, CheckStatus.FAIL, summary, fix);
    }

    /** A check that needs an earlier one's result, which failed. */
    static CheckResult skipped(String check, String needed) {
        return warn(check, Message.of("check.skipped", needed), Message.of("check.skipped.fix", needed));
    }
}
