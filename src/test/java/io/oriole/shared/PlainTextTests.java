package io.oriole.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.oriole.shared.PlainText.Reason;
import io.oriole.shared.PlainText.TextRefused;

class PlainTextTests {

    @Test
    void ordinaryTextIsKeptAsWrittenWithoutSurroundingWhitespace() {
        assertThat(PlainText.message("text", "  你好,\n我的包裹在哪里? 📦  ", 100)).isEqualTo("你好,\n我的包裹在哪里? 📦");
        assertThat(PlainText.message("text", "family 👨‍👩‍👧 emoji", 100)).isEqualTo("family 👨‍👩‍👧 emoji");
    }

    @Test
    void nulCharacterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> PlainText.message("text", "hello\u0000world", 100))
                .isInstanceOfSatisfying(TextRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_CHARACTER);
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
                });
    }

    @Test
    void loneSurrogatesAreRefusedRatherThanStoredAsQuestionMarks() {
        assertThat(reasonOf(() -> PlainText.message("text", "broken \uD83D here", 100)))
                .isEqualTo(Reason.INVALID_CHARACTER);
        assertThat(reasonOf(() -> PlainText.message("text", "broken \uDE00", 100))).isEqualTo(Reason.INVALID_CHARACTER);
        assertThat(reasonOf(() -> PlainText.line("name", "\uD83D", 100))).isEqualTo(Reason.INVALID_CHARACTER);
    }

    @Test
    void lengthIsCheckedOnTheTextAsReceivedBeforeTrimming() {
        String padded = " ".repeat(10_000) + "a";

        assertThat(reasonOf(() -> PlainText.message("text", padded, 10_000))).isEqualTo(Reason.TOO_LONG);
        assertThat(PlainText.message("text", " ".repeat(9_999) + "a", 10_000)).isEqualTo("a");
    }

    @Test
    void textOfOnlyInvisibleCharactersIsRefused() {
        assertThat(reasonOf(() -> PlainText.message("text", "\u200B\u200C\u200D\uFEFF", 100)))
                .isEqualTo(Reason.NOTHING_VISIBLE);
        assertThat(reasonOf(() -> PlainText.message("text", "\u202E\u2066\u200F\u0007", 100)))
                .isEqualTo(Reason.NOTHING_VISIBLE);
        assertThat(reasonOf(() -> PlainText.message("text", "\uDB40\uDC41\uDB40\uDC42", 100)))
                .isEqualTo(Reason.NOTHING_VISIBLE);
        assertThat(reasonOf(() -> PlainText.message("text", " \n\t ", 100))).isEqualTo(Reason.BLANK);
        assertThat(reasonOf(() -> PlainText.message("text", null, 100))).isEqualTo(Reason.BLANK);
    }

    @Test
    void bidiOverridesAndControlCharactersAreRemovedFromText() {
        assertThat(PlainText.message("text", "pay \u202Egnp.exe\u202C now\u0007\u001B", 100))
                .isEqualTo("pay gnp.exe now");
        assertThat(PlainText.message("text", "line one\r\nline\ttwo", 100)).isEqualTo("line one\r\nline\ttwo");
    }

    @Test
    void aNameKeepsToOneLine() {
        assertThat(PlainText.line("name", " Wang\nLi\t ", 100)).isEqualTo("Wang Li");
        assertThat(PlainText.optionalLine("name", "   ", 100)).isNull();
        assertThat(PlainText.optionalLine("name", null, 100)).isNull();
    }

    private static Enum<?> reasonOf(Runnable call) {
        try {
            call.run();
        }
        catch (TextRefused refused) {
            return refused.reason();
        }
        throw new AssertionError("not refused");
    }
}
