package io.gatehouse.sso.firstsignin.snippets;

import java.time.Instant;

/**
 * SPI interfaces as docs/spi.md shows them, without their Javadoc. InterfaceExcerptsTest checks each against the
 * real interface of io.gatehouse.sso.spi.
 */
final class SpiInterfaceExcerpts {
    // snippet:single-use
    public interface SingleUseValues {
        int MAX_LENGTH = 600;
        boolean firstUse(String value, Instant expiresAt);
    }
    // end:single-use
}
