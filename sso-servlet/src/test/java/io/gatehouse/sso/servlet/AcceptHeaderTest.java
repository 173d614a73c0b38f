package io.gatehouse.sso.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptHeaderTest {

    @Test
    void jsonIsChosenWhenTheClientListsIt() {
        assertThat(AcceptHeader.wantsJson("application/json")).isTrue();
        assertThat(AcceptHeader.wantsJson("application/json, text/plain, */*")).isTrue();
        assertThat(AcceptHeader.wantsJson("application/problem+json")).isTrue();
        assertThat(AcceptHeader.wantsJson("text/html;q=0.9, Application/JSON;q=0.5")).isTrue();
    }

    @Test
    void browsersAndJsonRefusalsGetHtml() {
        assertThat(AcceptHeader.wantsJson(null)).isFalse();
        assertThat(AcceptHeader.wantsJson("*/*")).isFalse();
        assertThat(AcceptHeader.wantsJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isFalse();
        assertThat(AcceptHeader.wantsJson("application/json;q=0")).isFalse();
        assertThat(AcceptHeader.wantsJson("application/json;q=nonsense")).isFalse();
    }
}
