package dev.pauta.api;

import dev.pauta.security.Accounts;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts (ADMIN): people with passwords and roles, who can be disabled and enabled, and systems with API keys shown
 * once and revocable at once; anyone may change their own password with the current one.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "createUser", summary = "Create a person's account", description = "A username, a password and roles; roles nest: ADMIN ⊃ PUBLISHER ⊃ EDITOR ⊃ AGENT.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountDtos.UserDto> createUser(@Valid @RequestBody AccountDtos.NewUser request) {
        Accounts.User user = accounts.createUser(request.username(), request.password(), request.roles());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(AccountDtos.UserDto.of(user));
    }

    @Operation(operationId = "createApiKey", summary = "Create an API key for a system",
            description = "The answer holds the key, shown this once; store it and send it as 'Authorization: Bearer <key>'.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountDtos.ApiKeyDto> createKey(@Valid @RequestBody AccountDtos.NewKey request, Principal principal) {
        Accounts.ApiKey key = accounts.createKey(request.name(), request.roles(), AuthoringController.actor(principal));
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id())).body(AccountDtos.ApiKeyDto.of(key));
    }

    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Every key, revoked ones included, without the secrets.")
    @GetMapping("/api-keys")
    List<AccountDtos.ApiKeyDto> keys() {
        return accounts.keys().stream().map(AccountDtos.ApiKeyDto::of).toList();
    }

    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key", description = "The key is refused from its next call on.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable("id") @Size(max = 64) String id) {
        accounts.revokeKey(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "disableUser", summary = "Disable a person's account",
            description = "Their sign-ins, page sessions and the API keys they own stop at once; an administrator cannot disable their own.")
    @PostMapping("/users/{username}/disable")
    AccountDtos.UserDto disable(@PathVariable("username") @Size(max = 120) String username, Principal principal) {
        return AccountDtos.UserDto.of(accounts.disable(principal, username));
    }

    @Operation(operationId = "enableUser", summary = "Enable a person's account again", description = "Undoes disableUser.")
    @PostMapping("/users/{username}/enable")
    AccountDtos.UserDto enable(@PathVariable("username") @Size(max = 120) String username, Principal principal) {
        return AccountDtos.UserDto.of(accounts.enable(principal, username));
    }

    @Operation(operationId = "changePassword", summary = "Change a password",
            description = "Anyone changes their own with the current one, which ends their other sessions; an ADMIN sets anyone's with newPassword alone.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping(path = "/users/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> changePassword(@PathVariable("username") @Size(max = 120) String username, @Valid @RequestBody AccountDtos.PasswordChange request,
                                        Principal principal) {
        accounts.changePassword(principal, username, request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(Accounts.NotFound.class)
    ProblemDetail userNotFound(Accounts.NotFound e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "user_not_found", capitalised(e) + ".", "check the username; POST /api/v1/users creates one");
    }

    @ExceptionHandler(Accounts.NotAllowed.class)
    ProblemDetail notAllowed(Accounts.NotAllowed e) {
        return ApiProblem.of(HttpStatus.FORBIDDEN, "forbidden", capitalised(e) + ".",
                "change your own password with {\"currentPassword\", \"newPassword\"}, or ask an administrator");
    }

    @ExceptionHandler(Accounts.WrongPassword.class)
    ProblemDetail wrongPassword(Accounts.WrongPassword e) {
        return ApiProblem.of(HttpStatus.FORBIDDEN, "wrong_current_password", capitalised(e) + "; the password was not changed.",
                "send the password you sign in with now as currentPassword");
    }

    @ExceptionHandler(Accounts.OwnAccount.class)
    ProblemDetail ownAccount(Accounts.OwnAccount e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "cannot_disable_self", capitalised(e) + ".",
                "ask another administrator to disable it, so an administrator is never locked out by mistake");
    }

    private static String capitalised(RuntimeException e) {
        String message = e.getMessage();
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
