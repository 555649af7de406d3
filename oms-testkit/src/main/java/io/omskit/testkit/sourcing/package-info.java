/**
 * Test support for sourcing: a one-line verifier for sourcing rules
 * ({@code verifyThat(rule).given(order, network).excludes(location)}), jqwik arbitraries of small sourcing
 * instances, a cost rule from explicit tables, and a brute-force optimum to compare the engine with.
 */
package io.omskit.testkit.sourcing;
