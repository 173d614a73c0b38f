package io.gatehouse.sso.benchmarks.cluster;

/**
 * One completed step of a virtual user: what it was, when it started and ended ({@link System#nanoTime()}), and why it
 * failed ({@code null} when it signed in or connected as it should).
 */
record Step(Kind kind, long startNanos, long endNanos, String error) {

    /** The kinds of sign-in a virtual user does. */
    enum Kind {
        /** A new identity's first sign-in: registration, the link, group sync. */
        FIRST_SIGN_IN,
        /** The same, begun in two tabs and completed at once on both nodes: one user, both tabs signed in. */
        FIRST_SIGN_IN_TWO_TABS,
        /** A known identity signs in again with changed IdP groups: group sync adds and removes. */
        RETURNING_SIGN_IN,
        /** A signed-in user links an identity of a second IdP app. */
        CONNECT
    }

    boolean ok() {
        return error == null;
    }

    long nanos() {
        return endNanos - startNanos;
    }
}
