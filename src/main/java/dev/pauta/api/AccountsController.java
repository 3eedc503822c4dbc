package dev.pauta.api;

import dev.pauta.security.Accounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts (ADMIN): people with passwords and roles, who can be disabled and enabled, and systems with API keys shown
 * once and revocable at once; anyone may change their own password with the current one.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    record NewUser(@NotBlank @Size(max = 120) String username, @NotBlank @Size(max = 200) String password, @NotEmpty List<String> roles) {
    }

    record NewKey(@NotBlank @Size(max = 120) String name, @NotEmpty List<String> roles) {
    }

    record PasswordChange(@Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accounts.User> createUser(@Valid @RequestBody NewUser request) {
        Accounts.User user = accounts.createUser(request.username(), request.password(), request.roles());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
    }

    @PostMapping(path = "/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accounts.ApiKey> createKey(@Valid @RequestBody NewKey request, Principal principal) {
        Accounts.ApiKey key = accounts.createKey(request.name(), request.roles(), AuthoringController.actor(principal));
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id())).body(key);
    }

    @GetMapping("/api-keys")
    List<Accounts.ApiKey> keys() {
        return accounts.keys();
    }

    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable("id") String id) {
        accounts.revokeKey(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{username}/disable")
    Accounts.User disable(@PathVariable("username") String username, Principal principal) {
        return accounts.disable(principal, username);
    }

    @PostMapping("/users/{username}/enable")
    Accounts.User enable(@PathVariable("username") String username, Principal principal) {
        return accounts.enable(principal, username);
    }

    @PutMapping(path = "/users/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> changePassword(@PathVariable("username") String username, @Valid @RequestBody PasswordChange request, Principal principal) {
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
