/**
 * The OMS Kit test kit: jqwik arbitraries for the domain types ({@code io.omskit.testkit.arbitraries}) and
 * abstract contract tests for every SPI ({@code io.omskit.testkit.contract}) that an integrator extends with
 * one factory method to check its own adapter.
 */
package io.omskit.testkit;
