/** Sourcing: decides which locations fulfil which units of an order, optimally under configurable rules, and explains why. */
package io.omskit.orchestration;
