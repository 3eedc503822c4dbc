package dev.pauta.security;

import java.util.List;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

/**
 * A person as Spring Security holds them once signed in; the credentials version read with the password hash lets a
 * page session end when the password changes or the account is disabled.
 */
final class Person extends User {

    private static final long serialVersionUID = 1L;

    private final int credentialsVersion;

    Person(String username, String passwordHash, List<String> roles, int credentialsVersion) {
        super(username, passwordHash, AuthorityUtils.createAuthorityList(roles.stream().map(role -> "ROLE_" + role).toList()));
        this.credentialsVersion = credentialsVersion;
    }

    int credentialsVersion() {
        return credentialsVersion;
    }
}
