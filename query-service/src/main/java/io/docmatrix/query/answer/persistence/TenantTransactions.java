package io.docmatrix.query.answer.persistence;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction (joining the caller's, e.g. a projection's) whose {@code app.tenant_id} is the given
 * tenant, set transaction-locally, so the row-level security policies admit that tenant's rows only. The tenant
 * filter is in the SQL as well: the policy is the guarantee, the predicate lets the planner use the indexes.
 */
@Component
class TenantTransactions {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TenantTransactions(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    <T> T in(UUID tenantId, Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql("SELECT set_config('app.tenant_id', ?, true)")
                    .param(tenantId.toString())
                    .query(String.class)
                    .single();
            return work.get();
        });
    }

    void run(UUID tenantId, Runnable work) {
        in(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
