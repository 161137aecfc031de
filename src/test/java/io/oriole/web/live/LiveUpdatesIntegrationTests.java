package io.oriole.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;


import io.oriole.conversation.Actor;
import io.oriole.conversation.ConversationManagement;
import io.oriole.tenant.TenantId;
import io.oriole.tenant.TenantManagement;
import io.oriole.web.WebTestFixtures;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + WebTestFixtures.H2_MEM + "web-browser" + WebTestFixtures.H2_OPTIONS,
        "oriole.data-dir=${java.io.tmpdir}/oriole-web-browser-tests" })
class LiveUpdatesIntegrationTests {

    @LocalServerPort
    int port;
    private WidgetClient widget;
    @Autowired
    TenantManagement tenants;
    @Autowired
    ConversationManagement conversations;

    @BeforeEach
    void widgetClient() {
        widget = new WidgetClient(port);
    }

    @Test
    void customerSocketHearsOwnConversationButNeverInternalNotesOrOtherCustomers() throws Exception {
        String alice = widget.session();
        String bob = widget.session();
        long conversationId = widget.firstMessage(alice, "Is my order shipped?");
        List<String> alicePushes = widget.listen(alice);
        List<String> bobPushes = widget.listen(bob);
        TenantId demo = tenants.findBySlug(WebTestFixtures.DEMO).orElseThrow().tenantId();

        conversations.addNote(demo, conversationId, Actor.system(), "check the warehouse first");
        conversations.reply(demo, conversationId, Actor.system(), "It ships today.");
        conversations.assign(demo, conversationId, null, null, Actor.system());
        conversations.setStatus(demo, conversationId, io.oriole.conversation.ConversationStatus.RESOLVED,
                Actor.system());

        // Pushes go out in commit order on the committing thread, so once the resolution has arrived, anything
        // the note or the other customer would have received has arrived too.
        await().until(() -> alicePushes.stream()
                .anyMatch(p -> p.contains("\"ConversationResolved\"")));
        assertThat(alicePushes).noneMatch(p -> p.contains("InternalNoteAdded"))
                .noneMatch(p -> p.contains("ConversationAssigned"))
                .allMatch(p -> p.contains("\"conversationId\":" + conversationId));
        assertThat(bobPushes).isEmpty();
    }

    @Test
    void tamperedTokenCannotOpenACustomerSocket() throws Exception {
        String token = widget.session();
        int at = token.indexOf('.') + 1;
        // Always a different character, so the token really changes.
        char replacement = token.charAt(at) == 'x' ? 'y' : 'x';
        String tampered = token.substring(0, at) + replacement + token.substring(at + 1);

        assertThatThrownBy(() -> widget.listen(tampered)).isInstanceOf(java.util.concurrent.ExecutionException.class);
    }
}
