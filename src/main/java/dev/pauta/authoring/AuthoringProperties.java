package dev.pauta.authoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How policy owners' changes are reviewed, under {@code pauta.authoring.*}.
 *
 * @param fourEyes when on, publishing needs a change a publisher approved, and nobody approves or publishes a change they
 *                 authored (created, or saved a document in) ({@code pauta.authoring.four-eyes})
 */
@ConfigurationProperties("pauta.authoring")
record AuthoringProperties(@DefaultValue("true") boolean fourEyes) {
}
