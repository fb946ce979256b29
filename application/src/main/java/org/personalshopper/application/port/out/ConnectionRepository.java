package org.personalshopper.application.port.out;

import java.util.List;
import java.util.Optional;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * The provider accounts linked to each shopper, with their tokens encrypted at rest by the implementation.
 * A provider account (provider, profile id) belongs to one shopper at most; a shopper has one connection
 * per provider at most.
 */
public interface ConnectionRepository {
    /** The shopper this provider account is linked to, if any. */
    Optional<ShopperId> owner(Provider provider, ProfileId profileId);

    /**
     * Links the account to the shopper with these tokens, usable, all fields in one write; replaces the
     * shopper's earlier connection to that provider. False, and nothing changed, when the account belongs
     * to another shopper (also when another transaction linked it first and committed meanwhile).
     */
    boolean save(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens);

    /**
     * A sign-in with the account this shopper already has connected, in one step: its tokens replaced as
     * {@link #save} does, and the session created keeping the shopper's newest {@code keepSessions} as
     * {@link SessionRepository#createKeepingNewest} does (the new session is never one that ends); both or
     * neither. False, and nothing changed, when the account is not (or no longer) this shopper's connection.
     * One step, so that an implementation can lock the account only for as long as the store itself takes.
     */
    boolean renewWithSession(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens,
                             Session session, int keepSessions);

    /** Replaces the tokens of an existing connection (after a refresh), usable again. */
    void saveTokens(ShopperId shopperId, Provider provider, TokenSet tokens);

    Optional<Connection> find(ShopperId shopperId, Provider provider);

    /**
     * Like {@link #find} but locks the connection until the surrounding transaction ends, so that of any
     * number of instances only one refreshes it at a time. Must run inside {@link Transactions}.
     */
    Optional<Connection> findForUpdate(ShopperId shopperId, Provider provider);

    /** The shopper's connections, oldest first (by when each was connected, then by provider name). */
    List<Connection> list(ShopperId shopperId);

    /**
     * The shopper's connections in the order of {@link #list}, without their tokens: an implementation that
     * encrypts tokens reads no token and decrypts nothing for this.
     */
    List<ConnectionSummary> summaries(ShopperId shopperId);

    /** Marks the tokens unusable: the provider refused the refresh token. The tokens are kept as they were. */
    void markUnusable(ShopperId shopperId, Provider provider);

    /** Removes the connection and its tokens; false when there was none. */
    boolean delete(ShopperId shopperId, Provider provider);
}
