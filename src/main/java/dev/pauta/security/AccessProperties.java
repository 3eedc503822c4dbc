package dev.pauta.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings, under {@code pauta.security.*}.
 *
 * @param bcryptStrength cost of password hashing
 */
@ConfigurationProperties("pauta.security")
record AccessProperties(@DefaultValue("10") int bcryptStrength) {
}
