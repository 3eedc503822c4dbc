package dev.pauta.api;

import dev.pauta.security.Accounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (ADMIN): people with passwords and roles, systems with API keys shown once and revocable at once. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    record NewUser(@NotBlank @Size(max = 120) String username, @NotBlank @Size(max = 200) String password, @NotEmpty List<String> roles) {
    }

    record NewKey(@NotBlank @Size(max = 120) String name, @NotEmpty List<String> roles) {
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
}
