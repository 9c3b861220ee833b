package io.docmatrix.auth.account;

import io.docmatrix.auth.config.AuthProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap tenant and platform administrator at startup when {@code DOCMATRIX_ADMIN_PASSWORD} is set, so
 * a fresh platform can be used at all. A password that breaks the policy stops the start rather than creating a weak
 * administrator.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    private final AuthProperties properties;
    private final Tenants tenants;

    BootstrapAdministrator(AuthProperties properties, Tenants tenants) {
        this.properties = properties;
        this.tenants = tenants;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuthProperties.Bootstrap bootstrap = properties.bootstrap();
        String password = bootstrap.adminPassword();
        if (password == null || password.isEmpty()) {
            return;
        }
        tenants.bootstrap(bootstrap.tenant(), bootstrap.adminUsername(), password);
    }
}
