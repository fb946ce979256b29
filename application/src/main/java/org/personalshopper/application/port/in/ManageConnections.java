package org.personalshopper.application.port.in;

import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;

/** Taking a provider account off the shopper, and deleting the shopper's account altogether. */
public interface ManageConnections {
    /**
     * Removes the shopper's connection to the provider and its tokens.
     *
     * @throws NotFoundException when the shopper has no connection to that provider
     * @throws ConnectionConflictException ({@code LAST_CONNECTION}) when it is their only one
     */
    void disconnect(ShopperId shopperId, Provider provider);

    /**
     * Deletes the shopper and everything stored for them: sessions, connections and tokens, sign-ins in
     * progress, guidance, selections, cart history, lists.
     *
     * @throws NotFoundException when there is no such shopper (any more)
     */
    void deleteAccount(ShopperId shopperId);
}
