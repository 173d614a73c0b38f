package io.gatehouse.sso.firstsignin.snippets;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guides show some interfaces as declarations (without Javadoc). They compile as copies here, and this test
 * keeps each copy equal to the real interface: the same methods with the same generic signatures and default-ness,
 * every method an implementation must write, the same constants.
 */
class InterfaceExcerptsTest {

    static Stream<Arguments> excerpts() {
        return Stream.of(
                Arguments.of(ServletInterfaceExcerpts.SessionBinder.class, io.gatehouse.sso.servlet.SessionBinder.class),
                Arguments.of(ServletInterfaceExcerpts.CsrfCheck.class, io.gatehouse.sso.servlet.CsrfCheck.class),
                Arguments.of(ServletInterfaceExcerpts.PageRenderer.class, io.gatehouse.sso.servlet.PageRenderer.class),
                Arguments.of(SpiInterfaceExcerpts.SingleUseValues.class, io.gatehouse.sso.spi.SingleUseValues.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("excerpts")
    void theInterfaceAGuideShowsDeclaresWhatTheRealInterfaceDeclares(Class<?> excerpt, Class<?> real) throws Exception {
        assertMirrors(excerpt, real);
    }

    /** CsrfCheck without allows(...), which every implementation must write. */
    interface CsrfCheckWithoutAllows {
        default Map<String, String> hiddenFields(HttpServletRequest request) {
            return Map.of();
        }
    }

    /** SingleUseValues with another MAX_LENGTH. */
    interface SingleUseValuesWithAnotherLimit {
        int MAX_LENGTH = 500;

        boolean firstUse(String value, Instant expiresAt);
    }

    @Test
    void anExcerptLeavingOutAMethodAnImplementationMustWriteIsCaught() {
        assertThatThrownBy(() -> assertMirrors(CsrfCheckWithoutAllows.class, io.gatehouse.sso.servlet.CsrfCheck.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("must write");
    }

    @Test
    void anExcerptWithAnotherConstantValueIsCaught() {
        assertThatThrownBy(() -> assertMirrors(SingleUseValuesWithAnotherLimit.class, io.gatehouse.sso.spi.SingleUseValues.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("MAX_LENGTH");
    }

    static void assertMirrors(Class<?> excerpt, Class<?> real) throws Exception {
        for (Method shown : instanceMethods(excerpt)) {
            Method actual = real.getMethod(shown.getName(), shown.getParameterTypes());
            assertThat(actual.getGenericReturnType().getTypeName()).as(shown.getName())
                    .isEqualTo(shown.getGenericReturnType().getTypeName());
            assertThat(Arrays.toString(actual.getGenericParameterTypes())).as(shown.getName())
                    .isEqualTo(Arrays.toString(shown.getGenericParameterTypes()));
            assertThat(actual.isDefault()).as(shown.getName() + " is a default method").isEqualTo(shown.isDefault());
        }
        List<String> shownNames = instanceMethods(excerpt).stream().map(Method::getName).toList();
        assertThat(instanceMethods(real).stream().filter(m -> !m.isDefault()).map(Method::getName))
                .as("the methods an implementation of %s must write", real.getSimpleName())
                .allMatch(shownNames::contains);
        for (Field constant : excerpt.getDeclaredFields()) {
            assertThat(real.getField(constant.getName()).get(null)).as(constant.getName()).isEqualTo(constant.get(null));
        }
    }

    private static List<Method> instanceMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()).toList();
    }
}
