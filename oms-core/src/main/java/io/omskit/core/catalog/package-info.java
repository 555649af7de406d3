/** SKUs and the attributes the host's catalog supplies through {@link io.omskit.core.spi.Catalog}. */
@NullMarked
package io.omskit.core.catalog;

import org.jspecify.annotations.NullMarked;
