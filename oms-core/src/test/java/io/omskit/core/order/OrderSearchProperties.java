package io.omskit.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omskit.core.catalog.Sku;
import io.omskit.core.channel.Channel;
import io.omskit.core.common.ValidationException;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.network.LocationId;
import io.omskit.core.spi.OrderCursor;
import io.omskit.core.spi.OrderPage;
import io.omskit.core.spi.OrderQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Paging through a search returns exactly the matching orders, each once, in the query's order. */
class OrderSearchProperties {

    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

    record Spec(Channel channel, String customer, int second, int nanos, String sku, boolean pickup) {
    }

    @Provide
    Arbitrary<List<Spec>> orders() {
        return Combinators.combine(Arbitraries.of(Channel.WEB, Channel.APP, Channel.STORE), Arbitraries.of("c1", "c2", "c3"),
                Arbitraries.integers().between(0, 30), Arbitraries.of(0, 1_000, 999_999),
                Arbitraries.of("SKU-A", "SKU-B"), Arbitraries.of(true, false)).as(Spec::new).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<OrderQuery> queries() {
        Arbitrary<OrderQuery> base = Arbitraries.of(OrderQuery.all(), OrderQuery.all().oldestFirst());
        return Combinators.combine(base, Arbitraries.of("", "c1", "c2"), Arbitraries.of("", "WEB", "APP"),
                Arbitraries.of("", "SKU-A"), Arbitraries.of(true, false), Arbitraries.integers().between(-1, 30))
                .as((q, customer, channel, sku, pickup, from) -> {
                    OrderQuery query = q;
                    query = customer.isEmpty() ? query : query.customer(CustomerRef.of(customer));
                    query = channel.isEmpty() ? query : query.channel(Channel.valueOf(channel));
                    query = sku.isEmpty() ? query : query.sku(Sku.of(sku));
                    query = pickup ? query.pickupStore(LocationId.of("ST-1")) : query;
                    return from < 0 ? query : query.placedFrom(T0.plusSeconds(from)).placedBefore(T0.plusSeconds(from + 10));
                });
    }

    private static Order order(int n, Spec s) {
        DeliveryChoice delivery = s.pickup()
                ? DeliveryChoice.pickup(DeliveryMethod.EXPRESS_CLICK_AND_COLLECT, LocationId.of("ST-1"), null)
                : DeliveryChoice.home(DeliveryMethod.STANDARD_DELIVERY,
                        new Address("A. Person", "Main Street 1", null, "Berlin", "10115", "DE", null), null);
        PlaceOrderRequest request = new PlaceOrderRequest(s.channel(), ExternalOrderRef.of("x" + n), CustomerRef.of(s.customer()),
                CurrencyUnit.EUR, delivery, List.of(new LineRequest(LineId.of("1"), Sku.of(s.sku()), 1,
                        Money.of(CurrencyUnit.EUR, 5), List.of(), null)), List.of(), List.of(), "tok");
        return Order.place(OrderId.of(String.format("o-%02d", (n * 7) % 41)), request,
                T0.plusSeconds(s.second()).plusNanos(s.nanos())).state();
    }

    private static boolean matches(Order o, OrderQuery q) {
        return (q.customer() == null || q.customer().equals(o.customer()))
                && (q.channel() == null || q.channel() == o.channel())
                && (q.sku() == null || o.lines().stream().anyMatch(l -> l.sku().equals(q.sku())))
                && (q.pickupStore() == null || q.pickupStore().equals(o.delivery().pickupStore()))
                && (q.placedFrom() == null || !o.placedAt().isBefore(q.placedFrom()))
                && (q.placedBefore() == null || o.placedAt().isBefore(q.placedBefore()));
    }

    @Property(tries = 100)
    void pages_hold_every_matching_order_once_in_order(@ForAll("orders") List<Spec> specs, @ForAll("queries") OrderQuery query,
                                                      @ForAll @IntRange(min = 1, max = 7) int pageSize) {
        InMemoryOrderRepository repository = new InMemoryOrderRepository();
        List<Order> saved = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Order o = order(i, specs.get(i));
            repository.save(o);
            saved.add(o);
        }
        Comparator<Order> oldestFirst = (a, b) -> OrderCursor.compare(a.placedAt(), a.id(), b.placedAt(), b.id());
        List<OrderId> expected = saved.stream().filter(o -> matches(o, query))
                .sorted(query.isNewestFirst() ? oldestFirst.reversed() : oldestFirst).map(Order::id).toList();

        List<OrderId> read = new ArrayList<>();
        OrderQuery paged = query.limit(pageSize);
        for (int pages = 0; ; pages++) {
            OrderPage page = repository.search(paged);
            assertThat(page.orders().size()).isLessThanOrEqualTo(pageSize);
            page.orders().forEach(o -> read.add(o.id()));
            if (!page.hasMore()) {
                break;
            }
            assertThat(pages).as("pages").isLessThan(100);
            paged = query.limit(pageSize).after(OrderCursor.parse(page.next().token()));
        }

        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Example
    void a_bad_query_names_every_problem() {
        assertThatThrownBy(() -> new OrderQuery(null, java.util.Set.of(), null, T0, T0.minusSeconds(1), null, null, null,
                OrderQuery.Sort.NEWEST_FIRST, 0, null))
                .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(p -> p.field()).containsExactly("limit", "placedBefore"));
        assertThatThrownBy(() -> OrderQuery.all().limit(OrderQuery.MAX_LIMIT + 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit").hasMessageContaining("501");
    }

    @Example
    void a_cursor_token_reads_back_and_a_forged_one_is_refused() {
        OrderCursor cursor = new OrderCursor(T0.plusNanos(123_456_789), OrderId.of("o:1"));

        assertThat(OrderCursor.parse(cursor.token())).isEqualTo(cursor);
        assertThat(cursor.placedAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThatThrownBy(() -> OrderCursor.parse("not a cursor")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor").hasMessageContaining("not a cursor");
    }
}
