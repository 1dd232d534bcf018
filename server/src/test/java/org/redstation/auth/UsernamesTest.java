package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void fullWidthUpperCaseAndTrailingSpacesAreTheSameName() {
        assertThat(Usernames.normalise("ＡＤＭＩＮ")).contains("admin");
        assertThat(Usernames.normalise("admin  ")).contains("admin");
        assertThat(Usernames.normalise("\u3000Admin\t")).contains("admin");
        assertThat(Usernames.normalise("li．ｍｉｎｇ－０１")).contains("li.ming-01");
    }

    @Test
    void accentsInnerSpacesAndOddLengthsAreNoName() {
        assertThat(Usernames.normalise("ádmin")).isEmpty();
        assertThat(Usernames.normalise("a\u0301dmin")).isEmpty();
        assertThat(Usernames.normalise("ad min")).isEmpty();
        assertThat(Usernames.normalise("ab")).isEmpty();
        assertThat(Usernames.normalise("a".repeat(33))).isEmpty();
        assertThat(Usernames.normalise(null)).isEmpty();
    }
}
