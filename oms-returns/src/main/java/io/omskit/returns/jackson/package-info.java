/** The JSON type names of the returns module, registered on core's Jackson module. */
package io.omskit.returns.jackson;
