package io.omskit.testkit.faults;

import io.omskit.core.common.Checks;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Decides, call by call, whether a wrapped adapter fails before the real call, after it, or not at all, and counts
 * what it injected. Seeded, so a failing run can be replayed; thread-safe. Off until {@link #failWith(double)}.
 *
 * <pre>{@code
 * FaultPlan faults = FaultPlan.seeded(42).failWith(0.05);
 * PaymentGateway payments = faults.payments(new FakePaymentGateway());
 * OrderRepository orders = faults.orders(new InMemoryOrderRepository());
 * }</pre>
 */
public final class FaultPlan {

    /** Where a call fails. */
    public enum Point {
        /** Before the real call: nothing was done. */
        BEFORE,
        /** After the real call: the work was done but the caller hears of a failure. */
        AFTER
    }

    private final SplittableRandom random;
    private volatile double probability;
    private final AtomicLong calls = new AtomicLong();
    private final Map<String, AtomicLong> injected = new TreeMap<>();
    private final java.util.List<Scripted> script = new java.util.ArrayList<>();

    /** A scripted fault: the {@code nth} next call named {@code call} fails at {@code point}. */
    private static final class Scripted {
        final String call;
        final Point point;
        int nth;

        Scripted(String call, Point point, int nth) {
            this.call = call;
            this.point = point;
            this.nth = nth;
        }
    }

    private FaultPlan(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A plan drawing its decisions from {@code seed}; injects nothing until {@link #failWith(double)}. */
    public static FaultPlan seeded(long seed) {
        return new FaultPlan(seed);
    }

    /**
     * From now on each call fails with probability {@code p}, half of the failures before the real call and half
     * after it.
     *
     * @param p between 0 (never) and 1 exclusive
     */
    public FaultPlan failWith(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in [0, 1), was " + p);
        }
        this.probability = p;
        return this;
    }

    /**
     * The next call named {@code call} (as the wrappers name them: {@code "save"}, {@code "allocate"},
     * {@code "payment capture"}, {@code "publish"}, ...) fails at {@code point}, whether or not random faults are on.
     * Scripted faults are used in the order given.
     */
    public FaultPlan failNext(String call, Point point) {
        return failNth(call, 1, point);
    }

    /**
     * The {@code n}-th next call named {@code call} fails at {@code point} (1 is the next one), whether or not random
     * faults are on; the calls before it do not fail by this script.
     */
    public FaultPlan failNth(String call, int n, Point point) {
        Checks.notBlank(call, "call");
        Checks.positive(n, "n");
        Checks.notNull(point, "point");
        synchronized (script) {
            script.add(new Scripted(call, point, n));
        }
        return this;
    }

    /** Stops injecting; counts are kept. */
    public FaultPlan off() {
        return failWith(0);
    }

    /** The probability of a random fault per call now; 0 when off. */
    public double probability() {
        return probability;
    }

    /** Whether faults are injected now. */
    public boolean isOn() {
        return probability > 0;
    }

    /** The point at which this call of {@code call} fails; null when it does not. */
    public Point decide(String call) {
        calls.incrementAndGet();
        Point point = scripted(call);
        if (point == null) {
            point = drawn();
        }
        if (point == null) {
            return null;
        }
        synchronized (injected) {
            injected.computeIfAbsent(call + " " + point.name().toLowerCase(java.util.Locale.ROOT), k -> new AtomicLong())
                    .incrementAndGet();
        }
        return point;
    }

    private Point scripted(String call) {
        synchronized (script) {
            for (int i = 0; i < script.size(); i++) {
                Scripted s = script.get(i);
                if (s.call.equals(call)) {
                    if (--s.nth > 0) {
                        return null;
                    }
                    script.remove(i);
                    return s.point;
                }
            }
            return null;
        }
    }

    private Point drawn() {
        double p = probability;
        if (p == 0) {
            return null;
        }
        double draw;
        boolean after;
        synchronized (random) {
            draw = random.nextDouble();
            after = random.nextBoolean();
        }
        return draw < p ? (after ? Point.AFTER : Point.BEFORE) : null;
    }

    /**
     * Runs {@code realCall} under the plan: throws an {@link InjectedFault} before it or after it when the plan says
     * so, else returns its result.
     */
    public <T> T run(String call, Supplier<T> realCall) {
        Checks.notNull(realCall, "realCall");
        Point point = decide(call);
        if (point == Point.BEFORE) {
            throw new InjectedFault(call, false);
        }
        T result = realCall.get();
        if (point == Point.AFTER) {
            throw new InjectedFault(call, true);
        }
        return result;
    }

    /**
     * Runs a read under the plan: it fails only before the real call (failing after a read is the same to the
     * caller).
     */
    public <T> T read(String call, Supplier<T> realCall) {
        Checks.notNull(realCall, "realCall");
        if (decide(call) != null) {
            throw new InjectedFault(call, false);
        }
        return realCall.get();
    }

    /** {@link #run(String, Supplier)} for calls without a result. */
    public void run(String call, Runnable realCall) {
        run(call, () -> {
            realCall.run();
            return null;
        });
    }

    /** Calls seen by the plan, failed or not. */
    public long calls() {
        return calls.get();
    }

    /** Faults injected in total. */
    public long injected() {
        synchronized (injected) {
            return injected.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    /** Faults injected per call and point ({@code "save after" -> 12}), sorted by name. */
    public Map<String, Long> injectedByCall() {
        Map<String, Long> copy = new TreeMap<>();
        synchronized (injected) {
            injected.forEach((k, v) -> copy.put(k, v.get()));
        }
        return copy;
    }

    /** {@code payments} failing as this plan says. */
    public FaultyPaymentGateway payments(io.omskit.core.spi.PaymentGateway payments) {
        return new FaultyPaymentGateway(payments, this);
    }

    /** {@code orders} failing as this plan says. */
    public FaultyOrderRepository orders(io.omskit.core.spi.OrderRepository orders) {
        return new FaultyOrderRepository(orders, this);
    }

    /** {@code fulfilments} failing as this plan says. */
    public FaultyFulfilmentRepository fulfilments(io.omskit.core.spi.FulfilmentRepository fulfilments) {
        return new FaultyFulfilmentRepository(fulfilments, this);
    }

    /** {@code inventory} failing as this plan says. */
    public FaultyInventoryStore inventory(io.omskit.core.spi.InventoryStore inventory) {
        return new FaultyInventoryStore(inventory, this);
    }

    /** {@code book} failing as this plan says. */
    public FaultyBackorderBook backorders(io.omskit.core.spi.BackorderBook book) {
        return new FaultyBackorderBook(book, this);
    }

    /** {@code publisher} failing as this plan says. */
    public FaultyEventPublisher events(io.omskit.core.spi.EventPublisher publisher) {
        return new FaultyEventPublisher(publisher, this);
    }
}
