/**
 * JSON for OMS Kit: {@link io.omskit.core.jackson.OmsJacksonModule} gives every aggregate, value, event and
 * result a stable wire format with registered type names, and {@link io.omskit.core.jackson.OmsJson} builds
 * mappers configured for it. Jackson annotations stay here, applied as mix-ins; domain classes carry none.
 */
package io.omskit.core.jackson;
