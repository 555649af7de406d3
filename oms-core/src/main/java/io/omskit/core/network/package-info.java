/** The fulfilment network: locations, their capabilities, hours, calendars, cut-offs and capacities. */
package io.omskit.core.network;
