package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.FailureCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureStatusTest {

    @Test
    void transactionProblemsAre400PolicyRefusals403IdpProblems502AndOurFaults500() {
        assertThat(FailureStatus.of(FailureCode.STATE_MISMATCH)).isEqualTo(400);
        assertThat(FailureStatus.of(FailureCode.TRANSACTION_EXPIRED)).isEqualTo(400);
        assertThat(FailureStatus.of(FailureCode.SIGNUP_CLOSED)).isEqualTo(403);
        assertThat(FailureStatus.of(FailureCode.EMAIL_DOMAIN_NOT_ALLOWED)).isEqualTo(403);
        assertThat(FailureStatus.of(FailureCode.APP_NOT_CONFIGURED)).isEqualTo(404);
        assertThat(FailureStatus.of(FailureCode.EMAIL_IN_USE)).isEqualTo(409);
        assertThat(FailureStatus.of(FailureCode.TOKEN_EXCHANGE_FAILED)).isEqualTo(502);
        assertThat(FailureStatus.of(FailureCode.ID_TOKEN_SIGNATURE_INVALID)).isEqualTo(502);
        assertThat(FailureStatus.of(FailureCode.INTERNAL_ERROR)).isEqualTo(500);
        assertThat(FailureStatus.of(FailureCode.SETTINGS_INVALID)).isEqualTo(500);
    }

    @Test
    void anUnreachableStoreAndAStoppingNodeAre503SoTheClientTriesAgain() {
        assertThat(FailureStatus.of(FailureCode.STORE_UNAVAILABLE)).isEqualTo(503);
        assertThat(FailureStatus.of(FailureCode.SHUTTING_DOWN)).isEqualTo(503);
    }

    @Test
    void everyCodeHasAnErrorStatus() {
        for (FailureCode code : FailureCode.values()) {
            assertThat(FailureStatus.of(code)).as(code.name()).isBetween(400, 599);
        }
    }
}
