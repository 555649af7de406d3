/**
 * jqwik arbitraries for every OMS Kit domain type: start at {@link io.omskit.testkit.arbitraries.OmsArbitraries},
 * or use {@link io.omskit.testkit.arbitraries.OmsDomain} as a jqwik domain.
 */
package io.omskit.testkit.arbitraries;
