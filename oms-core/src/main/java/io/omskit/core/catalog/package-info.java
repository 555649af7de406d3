/** SKUs and the attributes the host's catalog supplies through {@link io.omskit.core.spi.Catalog}. */
package io.omskit.core.catalog;
