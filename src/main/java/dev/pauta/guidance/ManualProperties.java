package dev.pauta.guidance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the manual is served to agents, under {@code pauta.*}.
 *
 * @param defaultLocale the locale of a draft check, search or section read that names none ({@code pauta.default-locale})
 */
@ConfigurationProperties("pauta")
record ManualProperties(@DefaultValue("es") String defaultLocale) {
}
