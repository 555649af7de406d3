package io.omskit.core.inmemory.internal;

import java.util.ArrayDeque;

/**
 * States that finished, oldest first, kept until their retention passes. Thread-safe; its own monitor is the innermost
 * lock taken (it calls nothing while holding it). An array, not a linked queue: a store keeps every state finished
 * within its retention, and a node per state would double the objects the heap holds for each.
 */
final class FinishedQueue<T> {

    private final ArrayDeque<T> states = new ArrayDeque<>();

    synchronized void offer(T state) {
        states.addLast(state);
    }

    /** The oldest state, or null when none. */
    synchronized T peek() {
        return states.peekFirst();
    }

    /** Removes the oldest state, if any. */
    synchronized void poll() {
        states.pollFirst();
    }

    synchronized boolean isEmpty() {
        return states.isEmpty();
    }
}
