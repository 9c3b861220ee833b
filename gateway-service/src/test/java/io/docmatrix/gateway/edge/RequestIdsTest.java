package io.docmatrix.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsAShortPlainToken() {
        assertThat(RequestIds.accept("abc-DEF_123")).isEqualTo("abc-DEF_123");
    }

    @Test
    void replacesMissingLongOrOddIds() {
        assertThat(RequestIds.accept(null)).hasSize(36);
        assertThat(RequestIds.accept("x".repeat(65))).hasSize(36);
        assertThat(RequestIds.accept("a\r\nInjected: yes")).doesNotContain("\n");
    }
}
