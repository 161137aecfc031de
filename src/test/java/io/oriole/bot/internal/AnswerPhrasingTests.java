package io.oriole.bot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.oriole.bot.FakeChatModelServer;
import io.oriole.bot.FakeChatModelServer.HoldUntil;
import io.oriole.bot.FakeChatModelServer.Received;
import io.oriole.bot.FakeChatModelServer.Redirect;
import io.oriole.bot.FakeChatModelServer.Reply;
import io.oriole.bot.FakeChatModelServer.Status;
import io.oriole.knowledge.EntryStatus;
import io.oriole.knowledge.KnowledgeEntry;
import io.oriole.knowledge.KnowledgeMatch;
import io.oriole.shared.outbound.OutboundAddresses;
import io.oriole.shared.outbound.OutboundHttp;
import io.oriole.triage.Language;

/**
 * The phrasing step against a real local HTTP server speaking the chat-completions format (see
 * {@link FakeChatModelServer}): what is sent, what is kept of the reply, and that every failure becomes the plain
 * best-entry answer.
 */
class AnswerPhrasingTests {

    static final KnowledgeMatch REFUND = match(11, "How do I request a refund?", "Open My orders and click Refund.",
            0.93);
    static final KnowledgeMatch PARCEL = match(12, "Where is my parcel?", "Open My orders and click Track package.",
            0.41);
    static final String QUESTION = "I want my money back";

    final FakeChatModelServer server = new FakeChatModelServer();
    /** The operator allows the fake server's 127.0.0.1, and nothing else inside. */
    final AnswerPhrasing phrasing = new AnswerPhrasing(4,
            new OutboundHttp(new OutboundAddresses(List.of("127.0.0.1"), OutboundAddresses.system())));
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void theModelReceivesTheQuestionAndTheRetrievedEntriesWithTheTenantsModelAndKey() {
        server.answer(new Reply("Open My orders and click Refund [1]."));

        phrasing.answer(1, config(10), QUESTION, List.of(REFUND, PARCEL));

        assertThat(server.received()).hasSize(1);
        Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test-key");
        assertThat(request.body().path("model").asString()).isEqualTo("test-model");
        assertThat(request.prompt()).contains(QUESTION)
                .contains("[1] How do I request a refund?\nOpen My orders and click Refund.")
                .contains("[2] Where is my parcel?\nOpen My orders and click Track package.")
                .contains("in English").contains("NO_ANSWER");
    }

    @Test
    void aReplyCitingAGivenEntryIsSentWithThatEntrysTitle() {
        server.answer(new Reply("You can ask for a refund under My orders [1]."));

        BotAnswer answer = phrasing.answer(1, config(10), QUESTION, List.of(REFUND, PARCEL));

        assertThat(answer.generated()).isTrue();
        assertThat(answer.text()).isEqualTo(
                "You can ask for a refund under My orders [1].\n\nSources:\n[1] How do I request a refund?");
        assertThat(answer.citedEntryIds()).containsExactly(11L);
        assertThat(answer.answered()).isEqualTo(REFUND);
    }

    @Test
    void anEndpointWithoutAKeyIsCalledWithoutOne() {
        server.answer(new Reply("Click Refund [1]."));
        GenerativeConfig keyless = new GenerativeConfig(true, server.baseUrl(), "local-model", null, 10, 3);

        BotAnswer answer = phrasing.answer(1, keyless, QUESTION, List.of(REFUND, PARCEL));

        assertThat(answer.generated()).isTrue();
        assertThat(server.received().get(0).authorization()).isNull();
    }

    @Test
    void onlyAsManyEntriesAsConfiguredAreSent() {
        server.answer(new Reply("Click Refund [1]."));

        phrasing.answer(1, config(10, 1), QUESTION, List.of(REFUND, PARCEL));

        assertThat(server.received().get(0).prompt()).contains("How do I request a refund?")
                .doesNotContain("Where is my parcel?");
    }

    @Test
    void aReplyCitingOnlyAnEntryThatWasNeverGivenFallsBackToTheBestEntry() {
        server.answer(new Reply("Refunds are paid in cash at our shop [7]."));

        BotAnswer answer = phrasing.answer(1, config(10), QUESTION, List.of(REFUND, PARCEL));

        assertPlain(answer);
    }

    @Test
    void aModelThatSaysTheEntriesDoNotAnswerFallsBackToTheBestEntry() {
        server.answer(new Reply("NO_ANSWER"));

        assertPlain(phrasing.answer(1, config(10), QUESTION, List.of(REFUND, PARCEL)));
    }

    @Test
    void anEmptyReplyFallsBackToTheBestEntry() {
        server.answer(new Reply(""));

        assertPlain(phrasing.answer(1, config(10), QUESTION, List.of(REFUND, PARCEL)));
    }

    @Test
    void aServerErrorFallsBackToTheBestEntryWithoutRetrying() {
        server.answer(new Status(500));

        assertPlain(phrasing.answer(1, config(10), QUESTION, List.of(REFUND, PARCEL)));
        assertThat(server.received()).as("one attempt only").hasSize(1);
    }

    @Test
    void aModelSlowerThanTheTimeoutFallsBackToTheBestEntryInTime() {
        server.answer(new HoldUntil(release, new Reply("Too late [1].")));

        BotAnswer answer = assertTimeoutPreemptively(Duration.ofSeconds(8),
                () -> phrasing.answer(1, config(1), QUESTION, List.of(REFUND, PARCEL)));

        assertPlain(answer);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anUnreachableEndpointFallsBackToTheBestEntry() {
        GenerativeConfig nowhere = new GenerativeConfig(true, "http://127.0.0.1:1/v1", "test-model", "k", 2, 3);

        assertPlain(phrasing.answer(1, nowhere, QUESTION, List.of(REFUND, PARCEL)));
    }

    @Test
    void whenTheTenantHasGenerativeAnswersOffTheModelIsNeverCalled() {
        server.answer(new Reply("Click Refund [1]."));
        GenerativeConfig off = new GenerativeConfig(false, server.baseUrl(), "test-model", "sk-test-key", 10, 3);

        assertPlain(phrasing.answer(1, off, QUESTION, List.of(REFUND, PARCEL)));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void anEndpointInsideThePlatformsNetworkIsNeverCalledEvenWhenItWasStoredSoAndTheCustomerGetsTheEntry() {
        try (FakeChatModelServer internal = new FakeChatModelServer(address("127.0.0.2"))) {
            internal.answer(new Reply("Click Refund [1]."));
            // As stored before the check existed, or saved while its name still resolved to a public address.
            GenerativeConfig inside = new GenerativeConfig(true, internal.baseUrl(), "test-model", "sk-test-key",
                    10, 3);

            assertPlain(phrasing.answer(1, inside, QUESTION, List.of(REFUND, PARCEL)));
            assertThat(internal.received()).as("neither the key nor the question reached it").isEmpty();
        }
    }

    @Test
    void aRedirectTowardsAnInternalAddressIsNotFollowed() {
        try (FakeChatModelServer internal = new FakeChatModelServer(address("127.0.0.2"))) {
            internal.answer(new Reply("Click Refund [1]."));
            server.answer(new Redirect(internal.baseUrl() + "/chat/completions"));

            assertPlain(phrasing.answer(1, config(10), QUESTION, List.of(REFUND, PARCEL)));
            assertThat(server.received()).hasSize(1);
            assertThat(internal.received()).isEmpty();
        }
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        }
        catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertPlain(BotAnswer answer) {
        assertThat(answer.generated()).isFalse();
        assertThat(answer.text()).isEqualTo("Open My orders and click Refund.");
        assertThat(answer.answered()).isEqualTo(REFUND);
        assertThat(answer.citedEntryIds()).isEmpty();
    }

    GenerativeConfig config(int timeoutSeconds) {
        return config(timeoutSeconds, 3);
    }

    GenerativeConfig config(int timeoutSeconds, int maxCitations) {
        return new GenerativeConfig(true, server.baseUrl(), "test-model", "sk-test-key", timeoutSeconds,
                maxCitations);
    }

    static KnowledgeMatch match(long id, String title, String body, double confidence) {
        return new KnowledgeMatch(new KnowledgeEntry(id, 1, title, body, List.of(), "general", Language.EN,
                List.of(), EntryStatus.PUBLISHED, 1, Instant.EPOCH, Instant.EPOCH, "admin@example.com"), title,
                confidence, confidence);
    }
}
