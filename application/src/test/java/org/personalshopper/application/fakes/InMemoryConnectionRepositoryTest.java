package org.personalshopper.application.fakes;

import org.personalshopper.application.contract.ConnectionRepositoryContract;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.application.port.out.Transactions;

/** The fake the use-case tests rely on behaves like the real ConnectionRepository. */
class InMemoryConnectionRepositoryTest implements ConnectionRepositoryContract, InMemoryStore {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemorySessionRepository sessions = new InMemorySessionRepository(transactions);
    private final InMemoryConnectionRepository repository = new InMemoryConnectionRepository(transactions).withSessions(sessions);

    @Override
    public ConnectionRepository connections() {
        return repository;
    }

    @Override
    public SessionRepository sessionsOfTheStore() {
        return sessions;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }
}
