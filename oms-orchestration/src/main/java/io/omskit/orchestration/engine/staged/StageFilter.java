package io.omskit.orchestration.engine.staged;

import io.omskit.core.order.DeliveryMethod;
import io.omskit.orchestration.spi.DeclaresNeeds;
import io.omskit.orchestration.spi.FilterRule;
import io.omskit.orchestration.spi.Justification;
import io.omskit.orchestration.spi.RuleInput;
import io.omskit.orchestration.spi.RuleNeed;
import io.omskit.orchestration.spi.SourcingContext;
import java.util.Set;

/**
 * A stage's filter inside the stage's rule set: the same answers, named {@code stage-<n>-<rule>} so that it neither
 * clashes with the rule book's filter of the same rule nor hides which stage excluded a location.
 */
final class StageFilter implements FilterRule, DeclaresNeeds {

    private final FilterRule rule;
    private final String name;
    private final Set<RuleNeed> needs;

    StageFilter(int stage, FilterRule rule) {
        this(stage, rule, rule.name());
    }

    StageFilter(int stage, FilterRule rule, String ruleName) {
        this.rule = rule;
        this.name = "stage-" + (stage + 1) + "-" + ruleName;
        this.needs = RuleNeed.of(rule);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<RuleInput> inputs() {
        return rule.inputs();
    }

    @Override
    public boolean alike(DeliveryMethod a, DeliveryMethod b) {
        return rule.alike(a, b);
    }

    @Override
    public Set<RuleNeed> needs() {
        return needs;
    }

    @Override
    public Justification excludeOrder(SourcingContext context, int location) {
        return rule.excludeOrder(context, location);
    }

    @Override
    public Justification excludeItem(SourcingContext context, int item, int location) {
        return rule.excludeItem(context, item, location);
    }

    @Override
    public boolean excludesOrder(SourcingContext context, int location) {
        return rule.excludesOrder(context, location);
    }

    @Override
    public boolean excludesItem(SourcingContext context, int item, int location) {
        return rule.excludesItem(context, item, location);
    }

    @Override
    public boolean keepsGroupsTogether() {
        return rule.keepsGroupsTogether();
    }

    @Override
    public boolean keepsItemsWhole() {
        return rule.keepsItemsWhole();
    }
}
