/**
 * The date arithmetic of promises: working calendars of locations (opening hours, public holidays, own closures,
 * cut-offs, processing in working time), carrier pickups, transit tables and delivery days in the customer's time
 * zone. Every computation runs on instants and converts to local dates and times in the zone of the place it
 * concerns, so daylight-saving changes are handled by {@link java.time}.
 */
package io.omskit.atp.calendar;
