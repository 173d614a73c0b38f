package io.gatehouse.sso.security;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.settings.SettingKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Attempts to sign up past {@code LOGIN_SIGNUP_MAIL_RESTRICTION} with an email the IdP asserts (verified),
 * through the whole engine ({@code AllowedDomainsTest} in sso-core covers the parser). A malformed address
 * is no email at all ({@code email_missing}); a well-formed one outside the list is {@code email_domain_not_allowed}.
 */
class AllowedDomainBypassTest {
    final SecurityBench bench = new SecurityBench();

    @AfterEach
    void close() {
        bench.close();
    }

    static final String CYRILLIC_A = "\u0430";

    static Stream<Arguments> attempts() {
        FailureCode malformed = FailureCode.EMAIL_MISSING;
        FailureCode outside = FailureCode.EMAIL_DOMAIN_NOT_ALLOWED;
        return Stream.of(
                arguments("@allowed.com", "a@allowed.com@evil.com", malformed),
                arguments("@allowed.com", "\"a@allowed.com\"@evil.com", malformed),
                arguments("@allowed.com", "a@evil.com.allowed.com", outside),
                arguments("@allowed.com", "a@allowed.com.evil.com", outside),
                arguments("@allowed.com", "a@allowed.co", outside),
                arguments("@allowed.com", "a@allowed.com.", malformed),
                arguments("@allowed.com", "a@allowed.com..", malformed),
                arguments("@allowed.com", "a@.allowed.com", malformed),
                arguments("@allowed.com", "a@allowed\u0000.com", malformed),
                arguments("@allowed.com", "a@allowed.com\n@evil.com", malformed),
                arguments("@allowed.com", "a@allowed.com,b@evil.com", malformed),
                arguments("@allowed.com", "a@allowed.com>evil.com", malformed),
                arguments("@allowed.com", "a@evil.com%40allowed.com", malformed),
                arguments("@allowed.com", "a@evil.com#@allowed.com", malformed),
                // IDN homographs: a Cyrillic 'а' is another domain, whichever side it is on
                arguments("@allowed.com", "a@" + CYRILLIC_A + "llowed.com", outside),
                arguments("@" + CYRILLIC_A + "llowed.com", "a@allowed.com", outside),
                // IDNA2003 (java.net.IDN) folds 'ß' to "ss" and 'ς' to 'σ'; IDNA2008 registries keep them distinct domains
                arguments("@strasse.de", "a@stra\u00DFe.de", malformed),
                arguments("@strasse.de", "a@xn--strae-oqa.de", outside),
                arguments("@xn--4xa.gr", "a@\u03C2.gr", malformed),
                arguments("@example.com", "a@exam\u200Dple.com", malformed));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("attempts")
    void aBypassAttemptIsRefused(String restriction, String email, FailureCode code) {
        bench.fx.set(SettingKey.LOGIN_SIGNUP_MAIL_RESTRICTION, restriction);

        bench.assertRefused(bench.validLogin("attacker", email), code);
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                arguments("@allowed.com", "a@ALLOWED.COM"),
                arguments("@Allowed.Com", "a@allowed.com"),
                arguments("@" + CYRILLIC_A + "llowed.com", "a@" + CYRILLIC_A + "llowed.com"),
                arguments("@" + CYRILLIC_A + "llowed.com", "a@xn--llowed-2nf.com"),
                arguments("@xn--strae-oqa.de", "a@xn--strae-oqa.de"),
                arguments("@b\u00FCcher.example", "a@B\u00DCCHER.example"));
    }

    @ParameterizedTest(name = "{0} allows {1}")
    @MethodSource("allowed")
    void theListedDomainSignsUpInAnyCaseOrEncoding(String restriction, String email) {
        bench.fx.set(SettingKey.LOGIN_SIGNUP_MAIL_RESTRICTION, restriction);

        assertThat(bench.validLogin("user", email)).isInstanceOf(LoginOutcome.SignedIn.class);
    }
}
