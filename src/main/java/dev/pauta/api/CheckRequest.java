package dev.pauta.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A draft to check against one locale's phrase tables and one channel's checks. */
record CheckRequest(@NotBlank @Size(max = 10) String locale, @Size(max = 40) String channel, @NotNull @Size(max = 20_000) String text) {
}
