package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Review with four eyes over real HTTP, with four eyes on as they are by default (the other API tests turn them off to
 * publish their own changes): an editor asks for review, a publisher who did not author the change approves it, and
 * only then is it published, with its author, reviewer and publisher in the release.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:review;DB_CLOSE_DELAY=-1", "pauta.authoring.four-eyes=true",
        "pauta.security.throttle.failures-per-address=1000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewApiTest {

    static final String PASSWORD = "a-long-review-password";
    static final String FAQ = "manual/en/faq.md";

    @LocalServerPort
    int port;

    ChangeClient editor;
    ChangeClient reviewer;
    ChangeClient publisher;

    @BeforeAll
    void createTheTeam() {
        Http admin = Http.admin(port);
        for (String[] person : List.of(new String[] {"rita-editor", "EDITOR"}, new String[] {"paco-publisher", "PUBLISHER"},
                new String[] {"pia-publisher", "PUBLISHER"})) {
            assertThat(admin.post("/api/v1/users", Map.of("username", person[0], "password", PASSWORD, "roles", List.of(person[1]))).status()).isEqualTo(201);
        }
        editor = new ChangeClient(new Http(port).as(Http.basic("rita-editor", PASSWORD)));
        reviewer = new ChangeClient(new Http(port).as(Http.basic("paco-publisher", PASSWORD)));
        publisher = new ChangeClient(new Http(port).as(Http.basic("pia-publisher", PASSWORD)));
    }

    /** A change by {@code author} that adds a line to the FAQ, ready for review. */
    long editedChange(ChangeClient author, String title) {
        long change = author.newChange(title);
        JsonNode faq = author.current(FAQ);
        assertThat(author.put(change, FAQ, faq.get("content").asString() + "\n" + title + ".\n", faq.get("revision").asLong()).status()).isEqualTo(200);
        return change;
    }

    static void assertProblem(Http.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body() == null ? "" : reply.body().toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("code").asString()).isEqualTo(code);
        assertThat(reply.body().get("hint").asString()).isNotBlank();
    }

    @Test
    void anEditorAsksForReviewAPublisherApprovesAnotherPublishesAndTheReleaseNamesAllThree() {
        long change = editedChange(editor, "Reviewed by two people");
        assertThat(editor.change(change).get("reviewState").asString()).isEqualTo("OPEN");

        assertThat(editor.requestReview(change).body().get("reviewState").asString()).isEqualTo("IN_REVIEW");
        assertProblem(publisher.publish(change, "Not yet approved"), 409, "not_approved");
        Http.Reply approved = reviewer.approve(change, "Clear and correct.");
        assertThat(approved.status()).isEqualTo(200);
        Http.Reply published = publisher.publish(change, "Two more eyes");

        assertThat(approved.body().get("reviewState").asString()).isEqualTo("APPROVED");
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        int release = published.body().get("release").asInt();
        JsonNode made = publisher.http().get("/api/v1/releases/" + release).body().get("release");
        assertThat(made.get("author").asString()).isEqualTo("rita-editor");
        assertThat(made.get("reviewer").asString()).isEqualTo("paco-publisher");
        assertThat(made.get("publisher").asString()).isEqualTo("pia-publisher");
        assertThat(publisher.http().get("/api/v1/releases").body().get(0).get("reviewer").asString()).isEqualTo("paco-publisher");
        JsonNode after = editor.change(change);
        assertThat(after.get("reviewState").asString()).isEqualTo("PUBLISHED");
        assertThat(after.get("reviews").findValuesAsString("kind")).containsExactly("REQUESTED", "APPROVED");
        assertThat(after.get("reviews").get(0).get("actor").asString()).isEqualTo("rita-editor");
        assertThat(after.get("reviews").get(1).get("actor").asString()).isEqualTo("paco-publisher");
        assertThat(after.get("reviews").get(1).get("comment").asString()).isEqualTo("Clear and correct.");
        assertThat(after.get("reviews").get(1).get("at").asString()).isNotBlank();
    }

    @Test
    void thoseWhoAuthoredAChangeCanNeitherApproveNorPublishIt() {
        long own = editedChange(reviewer, "A publisher's own change");
        assertThat(reviewer.requestReview(own).status()).isEqualTo(200);

        Http.Reply selfApproval = reviewer.approve(own, "Looks fine to me");
        assertProblem(selfApproval, 403, "four_eyes");
        assertThat(selfApproval.body().get("authors").toString()).contains("paco-publisher");
        assertThat(selfApproval.body().get("detail").asString()).contains("paco-publisher", "approve");

        long helped = editedChange(editor, "An editor's change a publisher touched");
        JsonNode spanish = reviewer.current("manual/es/faq.md");
        assertThat(reviewer.put(helped, "manual/es/faq.md", spanish.get("content").asString() + "\nUna línea de quien publica.\n",
                spanish.get("revision").asLong()).status()).isEqualTo(200);
        assertThat(editor.requestReview(helped).status()).isEqualTo(200);
        assertProblem(reviewer.approve(helped, null), 403, "four_eyes");
        assertThat(reviewer.change(helped).get("authors").toString()).contains("rita-editor", "paco-publisher");

        assertThat(publisher.approve(own, null).status()).isEqualTo(200);
        Http.Reply selfPublish = reviewer.publish(own, "My own");
        assertProblem(selfPublish, 403, "four_eyes");
        assertThat(reviewer.change(own).get("status").asString()).isEqualTo("OPEN");
        assertThat(reviewer.change(own).get("reviewState").asString()).isEqualTo("APPROVED");
    }

    @Test
    void anEditAfterApprovalSendsTheChangeBackToOpenAndItCannotBePublishedUntilApprovedAgain() {
        long change = editedChange(editor, "Approved, then edited");
        editor.requestReview(change);
        assertThat(reviewer.approve(change, "Fine").status()).isEqualTo(200);
        JsonNode faq = editor.change(change).get("documents").get(0);
        String edited = editor.current(FAQ).get("content").asString() + "\nApproved, then edited.\nAnd one more line.\n";

        assertThat(editor.put(change, FAQ, edited, faq.get("revision").asLong()).status()).isEqualTo(200);

        JsonNode reopened = editor.change(change);
        assertThat(reopened.get("reviewState").asString()).isEqualTo("OPEN");
        JsonNode last = reopened.get("reviews").get(reopened.get("reviews").size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("REOPENED");
        assertThat(last.get("actor").asString()).isEqualTo("rita-editor");
        Http.Reply refused = publisher.publish(change, "Approved before the edit");
        assertProblem(refused, 409, "not_approved");
        assertThat(refused.body().get("reviewState").asString()).isEqualTo("OPEN");

        editor.requestReview(change);
        assertThat(reviewer.approve(change, "Fine again").status()).isEqualTo(200);
        JsonNode coupons = editor.table(change, "manual/es/delay-compensation.md", "delay-coupons").body();
        List<Map<String, String>> rows = ChangeClient.rows(coupons);
        rows.get(0).put("percent", "6");
        assertThat(editor.saveTable(change, "manual/es/delay-compensation.md", "delay-coupons", rows, coupons.get("revision").asLong()).status()).isEqualTo(200);
        assertThat(editor.change(change).get("reviewState").asString()).isEqualTo("OPEN");
        assertProblem(publisher.publish(change, "Approved before the table edit"), 409, "not_approved");
    }

    @Test
    void reviewStepsOutOfOrderAreRefusedAndAskingForChangesNeedsAComment() {
        long empty = editor.newChange("Nothing in it");
        assertProblem(editor.requestReview(empty), 409, "wrong_state");

        long change = editedChange(editor, "Steps out of order");
        Http.Reply early = reviewer.approve(change, null);
        assertProblem(early, 409, "wrong_state");
        assertThat(early.body().get("reviewState").asString()).isEqualTo("OPEN");
        assertThat(editor.requestReview(change).status()).isEqualTo(200);
        assertProblem(editor.requestReview(change), 409, "wrong_state");

        Http.Reply blank = reviewer.http().post("/api/v1/changes/" + change + "/request-changes", Map.of("comment", "   "));
        assertProblem(blank, 400, "invalid_request");
        assertThat(blank.body().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        Http.Reply asked = reviewer.requestChanges(change, "Say which days count.");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body().get("reviewState").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(asked.body().get("reviews").get(1).get("comment").asString()).isEqualTo("Say which days count.");
        assertProblem(publisher.approve(change, null), 409, "wrong_state");
        assertThat(editor.requestReview(change).body().get("reviewState").asString()).isEqualTo("IN_REVIEW");
    }

    @Test
    void anEditorMayAskForReviewButNeitherApproveNorAskForChanges() {
        long change = editedChange(editor, "Roles of review");
        editor.requestReview(change);

        assertProblem(editor.approve(change, null), 403, "forbidden");
        assertProblem(editor.requestChanges(change, "No"), 403, "forbidden");
        assertThat(editor.change(change).get("reviewState").asString()).isEqualTo("IN_REVIEW");
    }
}
