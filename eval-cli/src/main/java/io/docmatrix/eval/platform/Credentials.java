package io.docmatrix.eval.platform;

/** A user of a tenant and the password it logs in with (never printed: {@link #toString()} hides it). */
public record Credentials(String tenant, String username, String password) {

    @Override
    public String toString() {
        return username + "@" + tenant;
    }
}
