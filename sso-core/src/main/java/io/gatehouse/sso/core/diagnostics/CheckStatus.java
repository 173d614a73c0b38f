package io.gatehouse.sso.core.diagnostics;

/** How one diagnostic check came out, from best to worst. */
public enum CheckStatus {
    /** Nothing to fix. */
    PASS,
    /** Works, or could not be checked from here, but an expert would look twice. */
    WARN,
    /** Sign-ins with this application will fail (or already do) until it is fixed. */
    FAIL;

    /**
     * The worse of the two.
     *
     * @param other the other status
     * @return {@code FAIL} over {@code WARN} over {@code PASS}
     */
    public CheckStatus worst(CheckStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
