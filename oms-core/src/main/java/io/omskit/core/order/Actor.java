package io.omskit.core.order;

import io.omskit.core.common.Checks;
import io.omskit.core.network.LocationId;

/**
 * Who asked for something to be done to an order or its fulfilments: the customer, a customer service agent, an
 * associate of a store, or the system itself (workflows, schedulers, integrations). Commands that customer service
 * uses carry it; an {@code ActionPolicy} decides what each actor may do, and the order's timeline shows it.
 *
 * <p>An actor is named by the host's identifier, never by a person's name, so that it can be logged and stored freely.
 *
 * @param kind  what sort of actor it is
 * @param id    the host's identifier of the actor (the customer reference, the agent's or associate's staff id, or
 *              {@code system}): 1 to 100 characters, not blank, no control characters
 * @param store the store a store associate works at; null for every other kind
 */
public record Actor(Kind kind, String id, LocationId store) {

    /** What sort of actor it is. */
    public enum Kind {
        /** The customer who placed the order. */
        CUSTOMER,
        /** A customer service agent. */
        AGENT,
        /** An associate working at one store. */
        STORE_ASSOCIATE,
        /** OMS Kit's workflows, the host's schedulers and integrations. */
        SYSTEM
    }

    /** The system itself: what every command without an actor acts as. */
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", null);

    public Actor {
        Checks.notNull(kind, "kind");
        Checks.identifier(id, "actor.id");
        if (kind == Kind.STORE_ASSOCIATE && store == null) {
            throw new IllegalArgumentException("actor.store must be set for a store associate, was null");
        }
        if (kind != Kind.STORE_ASSOCIATE && store != null) {
            throw new IllegalArgumentException("actor.store must be null for a " + kind + ", was " + store);
        }
    }

    /** The customer {@code customer}. */
    public static Actor customer(CustomerRef customer) {
        return new Actor(Kind.CUSTOMER, Checks.notNull(customer, "customer").value(), null);
    }

    /** The customer service agent with the host's staff id {@code agentId}. */
    public static Actor agent(String agentId) {
        return new Actor(Kind.AGENT, agentId, null);
    }

    /** The associate {@code associateId} of {@code store}. */
    public static Actor storeAssociate(String associateId, LocationId store) {
        return new Actor(Kind.STORE_ASSOCIATE, associateId, Checks.notNull(store, "store"));
    }

    /** Whether this is the customer {@code customer}. */
    public boolean is(CustomerRef customer) {
        return kind == Kind.CUSTOMER && id.equals(customer.value());
    }

    @Override
    public String toString() {
        if (kind == Kind.SYSTEM && id.equals(SYSTEM.id)) {
            return "system";
        }
        String who = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + id;
        return store == null ? who : who + " of " + store;
    }
}
