package io.gatehouse.sso.core.testing;

import mockwebserver3.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Starting a fake IdP's MockWebServer on a free loopback port, and naming its origin. */
public final class FakeServers {
    private FakeServers() {
    }

    public static void start(MockWebServer server) {
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scheme, host and port, without a trailing slash. */
    public static String origin(MockWebServer server) {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }
}
