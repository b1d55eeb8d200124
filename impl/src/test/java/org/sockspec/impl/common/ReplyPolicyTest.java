package org.sockspec.impl.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockspec.impl.Command;
import org.sockspec.impl.Defect;
import org.sockspec.impl.LabProtocol;
import org.sockspec.impl.Options;

class ReplyPolicyTest {

    private static final Options TCP = Options.defaults(Command.SRV_TCP);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyMessageIsAnsweredWithTheConfiguredAnswer() {
        assertThat(ReplyPolicy.of(TCP).answerTo(bytes("hello"))).hasValue(bytes("Message received"));
        assertThat(ReplyPolicy.of(TCP.withAnswer("OK")).answerTo(bytes("x"))).hasValue(bytes("OK"));
    }

    @Test
    void onlyTheExactThreeBytesEndEndTheConversation() {
        ReplyPolicy policy = ReplyPolicy.of(TCP);
        assertThat(policy.ends(bytes("end"))).isTrue();
        assertThat(policy.ends(bytes("end\n"))).isFalse();
        assertThat(policy.ends(bytes("End"))).isFalse();
        assertThat(policy.ends(bytes("hello"))).isFalse();
    }

    @Test
    void neverAnswersHasNoAnswer() {
        assertThat(ReplyPolicy.of(TCP.withDefect(Defect.NEVER_ANSWERS)).answerTo(bytes("hi")))
                .isEmpty();
    }

    @Test
    void wrongAnswerIsMisspeltButSameLength() {
        byte[] wrong = ReplyPolicy.of(TCP.withDefect(Defect.WRONG_ANSWER)).answerTo(bytes("hi"))
                .orElseThrow();
        assertThat(new String(wrong, StandardCharsets.UTF_8)).isEqualTo("Message recieved");
        assertThat(wrong).hasSameSizeAs(bytes(Options.DEFAULT_ANSWER));
    }

    @Test
    void wrongAnswerStillDiffersWhenTheAnswerIsTheMisspeltOne() {
        Options options = TCP.withAnswer("Message recieved").withDefect(Defect.WRONG_ANSWER);
        assertThat(ReplyPolicy.of(options).answerTo(bytes("hi")))
                .hasValue(bytes("Message received"));
    }

    @Test
    void ignoresEndNeverEnds() {
        assertThat(ReplyPolicy.of(TCP.withDefect(Defect.IGNORES_END)).ends(bytes("end"))).isFalse();
    }

    @Test
    void theLabsRuleAnswersAndLinesCarryTheirNewline() {
        Options echoLines = TCP.withProtocol(LabProtocol.HANDOUT.withAnswer(AnswerRule.parse("template:Eho={msg}!"))
                .withLines(true).withEnd(Optional.of("quit")).withEndAnswered(false));
        ReplyPolicy policy = ReplyPolicy.of(echoLines);
        assertThat(policy.answerTo(bytes("hi"))).hasValue(bytes("Eho=hi!\n"));
        assertThat(policy.answerTo(bytes("quit"))).isEmpty();
        assertThat(policy.answers(bytes("quit"))).isFalse();
        assertThat(policy.ends(bytes("quit"))).isTrue();
        assertThat(policy.ends(bytes("end"))).isFalse();
        assertThat(policy.framer().messages(bytes("a\r\nb\nc"))).containsExactly(bytes("a"), bytes("b"));
    }

    @Test
    void upperAndLowerChangeAsciiLettersOnlyAndNoneAnswersNothing() {
        assertThat(AnswerRule.parse("upper").answerTo(bytes("héllo 1"))).hasValue(bytes("HéLLO 1"));
        assertThat(AnswerRule.parse("lower").answerTo(bytes("ABC"))).hasValue(bytes("abc"));
        assertThat(AnswerRule.parse("none").answerTo(bytes("x"))).isEmpty();
        assertThat(ReplyPolicy.of(TCP.withProtocol(LabProtocol.HANDOUT.withAnswer(AnswerRule.parse("none"))))
                .answered()).isFalse();
    }

    @Test
    void wrongAnswerUnderAnotherRuleKeepsTheLengthAndChangesTheFirstByte() {
        Options echo = TCP.withProtocol(LabProtocol.HANDOUT.withAnswer(AnswerRule.parse("echo")))
                .withDefect(Defect.WRONG_ANSWER);
        assertThat(ReplyPolicy.of(echo).answerTo(bytes("hello"))).hasValue(bytes("?ello"));
    }

    @Test
    void answersPerReadTakesEachReadForALine() {
        Options lines = TCP.withProtocol(LabProtocol.HANDOUT.withLines(true)).withDefect(Defect.ANSWERS_PER_READ);
        assertThat(ReplyPolicy.of(lines).framer().messages(bytes("a\nb\n"))).containsExactly(bytes("a\nb"));
    }
}
