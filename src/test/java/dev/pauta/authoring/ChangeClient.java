package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a policy owner does to a change over the API, for tests that edit the manual: open a change, read a document, save
 * an edit, read and save a policy table as a form, ask for review, approve, publish.
 */
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

    JsonNode change(long change) {
        Http.Reply reply = http.get("/api/v1/changes/" + change);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    Http.Reply table(long change, String path, String table) {
        return http.get("/api/v1/changes/" + change + "/tables?path=" + path + "&table=" + table);
    }

    Http.Reply saveTable(long change, String path, String table, List<Map<String, String>> rows, long baseRevision) {
        return http.put("/api/v1/changes/" + change + "/tables?path=" + path + "&table=" + table, Map.of("rows", rows, "baseRevision", baseRevision));
    }

    Http.Reply checkCell(long change, String path, String table, String column, String value) {
        return http.post("/api/v1/changes/" + change + "/tables/check", Map.of("path", path, "table", table, "column", column, "value", value));
    }

    Http.Reply requestReview(long change) {
        return http.post("/api/v1/changes/" + change + "/review-request", "");
    }

    Http.Reply approve(long change, String comment) {
        return http.post("/api/v1/changes/" + change + "/approve", comment == null ? Map.of() : Map.of("comment", comment));
    }

    Http.Reply requestChanges(long change, String comment) {
        return http.post("/api/v1/changes/" + change + "/request-changes", Map.of("comment", comment));
    }

    Http.Reply publish(long change, String message) {
        return http.post("/api/v1/changes/" + change + "/publish", Map.of("message", message));
    }

    Http.Reply rebase(long change) {
        return http.post("/api/v1/changes/" + change + "/rebase", "");
    }

    /** A form's rows as a save sends them: each row's cells by column key. */
    static List<Map<String, String>> rows(JsonNode form) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : form.get("rows")) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.get("cells").properties().forEach(cell -> cells.put(cell.getKey(), cell.getValue().asString()));
            rows.add(cells);
        }
        return rows;
    }
}
