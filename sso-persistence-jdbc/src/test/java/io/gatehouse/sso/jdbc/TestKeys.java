package io.gatehouse.sso.jdbc;

/** Keys for one test run: random, so nothing in a database or log can match by accident of a fixed text. */
final class TestKeys {
    static final String K1 = SecretKeyRing.generateKey();
    static final String K2 = SecretKeyRing.generateKey();

    private TestKeys() {
    }

    static SecretKeyRing k1() {
        return SecretKeyRing.of("k1", K1);
    }

    static SecretKeyRing k2ReadingK1() {
        return SecretKeyRing.of("k2", K2).withOlderKey("k1", K1);
    }

    static SecretKeyRing k2() {
        return SecretKeyRing.of("k2", K2);
    }
}
