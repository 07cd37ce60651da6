package org.anzexian.platform.engine;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The one transaction manager of our services and the engine: Spring's {@link DataSourceTransactionManager}, whose
 * failed commit that lost its connection is reported as {@link CommitInDoubt} (#15, PostgreSQL restarted under
 * load).
 *
 * <p>Not Spring Boot's default {@code JdbcTransactionManager}: it turns a failed commit into a
 * {@code DataAccessException}, which Spring's commit handling takes for a failure before the commit and answers
 * with a rollback on the broken connection. That rollback fails as well ("Connection is closed", no SQLState), and
 * its exception replaces the commit's: the caller learned neither that the connection was lost nor that the
 * transaction may have been committed. A {@link TransactionSystemException} from the commit is passed on as it
 * is, and no rollback is tried ({@code rollbackOnCommitFailure} stays off).
 */
@Configuration(proxyBeanMethods = false)
class TransactionManagement {

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        DataSourceTransactionManager transactions = new InDoubtCommits(dataSource);
        customizers.ifAvailable(customizer -> customizer.customize(transactions));
        return transactions;
    }

    static final class InDoubtCommits extends DataSourceTransactionManager {

        InDoubtCommits(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            try {
                super.doCommit(status);
            } catch (TransactionSystemException failed) {
                throw ConnectionLoss.in(failed) ? new CommitInDoubt(failed.getCause()) : failed;
            }
        }
    }
}
