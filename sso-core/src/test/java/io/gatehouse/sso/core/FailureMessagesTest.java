package io.gatehouse.sso.core;

import io.gatehouse.sso.core.i18n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure a user can meet has its own text in every shipped language, read from the shipped files themselves. */
class FailureMessagesTest {

    static Properties shipped(Locale language) throws IOException {
        String path = "/io/gatehouse/sso/core/i18n/messages" + (language.equals(Locale.ENGLISH) ? "" : "_" + language) + ".properties";
        Properties p = new Properties();
        try (InputStream in = FailureMessagesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(FailureCode.class)
    void everyFailureCodeHasAMessageInEveryShippedLanguage(FailureCode code) throws IOException {
        for (Locale language : Messages.SHIPPED) {
            assertThat(shipped(language).getProperty(code.messageKey())).as(code + " in " + language).isNotBlank();
        }
        assertThat(shipped(Locale.GERMAN).getProperty(code.messageKey())).as("German text of " + code)
                .isNotEqualTo(shipped(Locale.ENGLISH).getProperty(code.messageKey()));
    }

    @ParameterizedTest
    @EnumSource(FailureCode.class)
    void theEnumsMessageIsTheShippedEnglishText(FailureCode code) throws IOException {
        assertThat(code.message()).isEqualTo(shipped(Locale.ENGLISH).getProperty(code.messageKey()));
        assertThat(new LoginFailure(code, null, null).message()).isEqualTo(code.message());
    }
}
