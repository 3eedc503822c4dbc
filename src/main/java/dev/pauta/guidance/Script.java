package dev.pauta.guidance;

/** The manual's words for an action code in one locale, and the section that holds them. */
record Script(String code, String text, String reason, String section) {

    String render(String template, java.util.Map<String, Object> params) {
        String out = template;
        for (var entry : params.entrySet()) {
            out = out.replace("{" + entry.getKey() + "}", String.valueOf(entry.getValue()));
        }
        return out;
    }
}
