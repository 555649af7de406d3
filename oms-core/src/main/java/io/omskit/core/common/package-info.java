/** Small building blocks shared by every domain package: command results, validation problems, argument checks. */
package io.omskit.core.common;
