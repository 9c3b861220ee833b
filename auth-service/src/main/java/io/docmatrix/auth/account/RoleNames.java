package io.docmatrix.auth.account;

import java.util.Collection;
import java.util.List;

/** Role sets as sorted name lists, the form tokens, events and responses carry. */
public final class RoleNames {

    private RoleNames() {}

    public static List<String> of(Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }
}
