package dev.pauta.api;

import dev.pauta.security.Accounts;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The wire forms of accounts: people, API keys and password changes. */
final class AccountDtos {

    static final String ROLE = "^(AGENT|EDITOR|PUBLISHER|ADMIN)$";

    private AccountDtos() {
    }

    @Schema(name = "NewUser")
    @FixHint("send username (3 to 120 letters, digits or . _ @ -), password (12 to 200 characters) and roles (one or more of AGENT, EDITOR, PUBLISHER, ADMIN)")
    record NewUser(@Schema(example = "lucia") @NotNull @Size(min = 3, max = 120) @Pattern(regexp = "^[a-zA-Z0-9._@-]{3,120}$") String username,
                   @NotNull @Size(min = 12, max = 200) String password,
                   @ArraySchema(schema = @Schema(allowableValues = {"AGENT", "EDITOR", "PUBLISHER", "ADMIN"}), minItems = 1, maxItems = 4, uniqueItems = false)
                   @NotNull @Size(min = 1, max = 4) List<@NotNull @Pattern(regexp = ROLE) String> roles) {
    }

    @Schema(name = "NewApiKey")
    @FixHint("send name (1 to 120 characters saying which system uses the key) and roles (one or more of AGENT, EDITOR, PUBLISHER, ADMIN)")
    record NewKey(@Schema(example = "crm") @NotNull @Size(min = 1, max = 120) @Pattern(regexp = Formats.NOT_BLANK) String name,
                  @ArraySchema(schema = @Schema(allowableValues = {"AGENT", "EDITOR", "PUBLISHER", "ADMIN"}), minItems = 1, maxItems = 4)
                  @NotNull @Size(min = 1, max = 4) List<@NotNull @Pattern(regexp = ROLE) String> roles) {
    }

    @Schema(name = "PasswordChange")
    @FixHint("send newPassword (12 to 200 characters) and, for your own account, currentPassword")
    record PasswordChange(@Schema(description = "Required when changing one's own password.") @Size(max = 200) String currentPassword,
                          @NotNull @Size(min = 12, max = 200) String newPassword) {
    }

    @Schema(name = "User")
    record UserDto(String username, @ArraySchema(schema = @Schema(allowableValues = {"AGENT", "EDITOR", "PUBLISHER", "ADMIN"})) List<String> roles,
                   boolean enabled, Instant createdAt) {
        static UserDto of(Accounts.User u) {
            return new UserDto(u.username(), u.roles(), u.enabled(), u.createdAt());
        }
    }

    @Schema(name = "ApiKey")
    record ApiKeyDto(String id, String name, @ArraySchema(schema = @Schema(allowableValues = {"AGENT", "EDITOR", "PUBLISHER", "ADMIN"})) List<String> roles,
                     String createdBy, @Schema(description = "The person accountable for the key; it works while their account is enabled.") String owner,
                     Instant createdAt, @Schema(nullable = true) Instant revokedAt,
                     @Schema(description = "The secret to send as 'Authorization: Bearer <key>'; present only in the answer that creates the key.",
                             nullable = true) String key) {
        static ApiKeyDto of(Accounts.ApiKey k) {
            return new ApiKeyDto(k.id(), k.name(), k.roles(), k.createdBy(), k.owner(), k.createdAt(), k.revokedAt(), k.key());
        }
    }
}
