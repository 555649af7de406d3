package io.omskit.orchestration.picking;

/** The side of an aisle a bin is on, as seen walking from the front to the back. */
public enum RackSide {
    LEFT,
    RIGHT
}
