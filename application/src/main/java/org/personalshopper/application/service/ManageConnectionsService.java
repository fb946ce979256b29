package org.personalshopper.application.service;

import java.util.Objects;
import java.util.Optional;
import org.personalshopper.application.port.in.ConnectionConflictException;
import org.personalshopper.application.port.in.ManageConnections;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.application.port.out.Transactions;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;

/**
 * Disconnecting a provider account and deleting the whole account. A shopper keeps at least one connection,
 * or they could never sign in again; their data goes only with the account.
 */
public final class ManageConnectionsService implements ManageConnections {
    private final ShopperRepository shoppers;
    private final ConnectionRepository connections;
    private final Transactions transactions;

    public ManageConnectionsService(ShopperRepository shoppers, ConnectionRepository connections,
                                    Transactions transactions) {
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void disconnect(ShopperId shopperId, Provider provider) {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(provider, "provider");
        Optional<RuntimeException> refused = transactions.inTransaction(() -> {
            // Locks the shopper's connections, so two disconnects racing cannot remove the last two.
            if (connections.findForUpdate(shopperId, provider).isEmpty()) {
                return Optional.of(new NotFoundException("connection"));
            }
            boolean others = connections.list(shopperId).stream().map(Connection::provider).anyMatch(p -> !p.equals(provider));
            if (!others) {
                return Optional.of(new ConnectionConflictException(ConnectionConflictException.Reason.LAST_CONNECTION, provider));
            }
            connections.delete(shopperId, provider);
            return Optional.empty();
        });
        refused.ifPresent(e -> {
            throw e;
        });
    }

    @Override
    public void deleteAccount(ShopperId shopperId) {
        Objects.requireNonNull(shopperId, "shopperId");
        if (!transactions.inTransaction(() -> shoppers.delete(shopperId))) {
            throw new NotFoundException("shopper");
        }
    }
}
