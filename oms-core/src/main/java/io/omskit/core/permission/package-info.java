/**
 * Who may do what: the {@link io.omskit.core.permission.ActionPolicy} that decides, for each command customer service
 * and stores take, whether its {@link io.omskit.core.order.Actor} may take it, the {@link
 * io.omskit.core.permission.Verdict} it answers with (naming the rule that refused), and the defaults.
 */
package io.omskit.core.permission;
