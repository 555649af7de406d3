package io.omskit.core.order;

/** Why a shipped parcel's units are sent again at no charge ({@code CustomerService#reship}). */
public enum ReshipReason {
    /** The carrier lost the parcel, or it never reached the customer. */
    LOST,
    /** The parcel reached the customer with its goods damaged. */
    DAMAGED
}
