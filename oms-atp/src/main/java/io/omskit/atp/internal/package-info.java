/** Implementation of available-to-promise: the availability index, the promise cache and the planning glue. No compatibility promise. */
package io.omskit.atp.internal;
