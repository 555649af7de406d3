package io.omskit.core.notification;

import io.omskit.core.order.Order;
import java.util.List;

/** How the host reaches the customer of an order: one message goes out per contact. Thread-safe. */
@FunctionalInterface
public interface ContactPreferences {

    /** The contacts of the order's customer; empty to send nothing. Never null. */
    List<Contact> contactsFor(Order order);
}
