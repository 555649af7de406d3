package io.omskit.core;

import java.security.SecureRandom;

/** The default pickup codes: six random digits, unguessable enough for a counter that also checks the customer's name. */
final class PickupCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PickupCodes() {
    }

    static String random() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
