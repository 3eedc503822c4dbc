package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a policy owner does to a change over the API, for tests that edit the manual: open a change, read a document, save an edit. */
record ChangeClient(Http http) {

    long newChange(String title) {
        Http.Reply created = http.post("/api/v1/changes", Map.of("title", title));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    JsonNode current(String path) {
        Http.Reply reply = http.get("/api/v1/documents?path=" + path);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    Http.Reply put(long change, String path, String content, long baseRevision) {
        return http.put("/api/v1/changes/" + change + "/documents?path=" + path, Map.of("content", content, "baseRevision", baseRevision));
    }
}
