package io.omskit.atp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The index's read table answers as a map of its last writes, one key or many at once, and while being written. */
class TextTableProperties {

    /** A value that names its key, so a reader can tell it got another key's value. */
    private record Value(String key, int version) {
    }

    @Property(tries = 300)
    void answers_as_a_map_of_the_last_writes(@ForAll @Size(max = 200) List<@StringLength(max = 6) String> writes,
                                            @ForAll @Size(max = 30) List<@StringLength(max = 6) String> asked) {
        TextTable<Value> table = new TextTable<>();
        Map<String, Value> model = new HashMap<>();
        for (int w = 0; w < writes.size(); w++) {
            Value v = new Value(writes.get(w), w);
            table.put(v.key(), v);
            model.put(v.key(), v);
        }
        assertThat(table.size()).isEqualTo(model.size());
        for (String key : model.keySet()) {
            assertThat(table.get(key)).isEqualTo(model.get(key));
        }
        List<String> keys = new ArrayList<>(asked);
        keys.addAll(model.keySet());
        Value[] out = new Value[keys.size()];
        table.getAll(keys.toArray(new String[0]), keys.size(), out);
        for (int k = 0; k < keys.size(); k++) {
            assertThat(out[k]).as("value of %s, asked with others", keys.get(k)).isEqualTo(model.get(keys.get(k)));
            assertThat(table.get(keys.get(k))).as("value of %s", keys.get(k)).isEqualTo(model.get(keys.get(k)));
        }
    }

    @Property(tries = 50)
    void keys_whose_hashes_collide_are_told_apart(@ForAll @IntRange(min = 1, max = 40) int pairs) {
        // "Aa" and "BB" have the same String hash, so do their concatenations
        TextTable<Value> table = new TextTable<>();
        List<String> keys = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            keys.add("Aa".repeat(p + 1));
            keys.add("BB".repeat(p + 1));
            keys.add("Aa".repeat(p) + "BB");
        }
        for (int k = 0; k < keys.size(); k++) {
            table.put(keys.get(k), new Value(keys.get(k), k));
        }
        Value[] out = new Value[keys.size()];
        table.getAll(keys.toArray(new String[0]), keys.size(), out);
        for (int k = 0; k < keys.size(); k++) {
            assertThat(table.get(keys.get(k)).key()).isEqualTo(keys.get(k));
            assertThat(out[k].key()).isEqualTo(keys.get(k));
        }
    }

    @Example
    void a_null_value_is_refused_naming_the_key() {
        assertThatThrownBy(() -> new TextTable<Value>().put("SKU-1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SKU-1");
    }

    @Example
    void readers_never_see_another_keys_value_nor_an_older_one_while_writers_add_and_replace() throws Exception {
        TextTable<Value> table = new TextTable<>();
        int keys = 20_000;
        int writers = 2;
        int readers = 2;
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        // each writer owns the keys of its residue and writes versions 0, 1, 2 of each in turn (growing the table)
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int mine = w;
            done.add(pool.submit(() -> {
                start.await();
                for (int version = 0; version < 3; version++) {
                    for (int k = mine; k < keys; k += writers) {
                        table.put("SKU-" + k, new Value("SKU-" + k, version));
                    }
                }
                return null;
            }));
        }
        List<Future<Long>> reads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int seed = r;
            reads.add(pool.submit(() -> {
                start.await();
                long seen = 0;
                int[] last = new int[keys];
                java.util.Arrays.fill(last, -1);
                java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                String[] batch = new String[8];
                Value[] out = new Value[8];
                while (writing.get()) {
                    for (int b = 0; b < batch.length; b++) {
                        batch[b] = "SKU-" + random.nextInt(keys);
                    }
                    table.getAll(batch, batch.length, out);
                    for (int b = 0; b < batch.length; b++) {
                        Value one = table.get(batch[b]);
                        for (Value v : new Value[] {out[b], one}) {
                            if (v == null) {
                                continue;
                            }
                            seen++;
                            assertThat(v.key()).isEqualTo(batch[b]);
                            int k = Integer.parseInt(batch[b].substring(4));
                            // out[b] was read before one: versions never go back, for a key, in one reader
                            assertThat(v.version()).as("version of %s", batch[b]).isGreaterThanOrEqualTo(last[k]);
                            last[k] = v.version();
                        }
                    }
                }
                return seen;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        long seen = 0;
        for (Future<Long> f : reads) {
            seen += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(seen).as("values read while writing").isPositive();
        assertThat(table.size()).isEqualTo(keys);
        for (int k = 0; k < keys; k++) {
            assertThat(table.get("SKU-" + k)).isEqualTo(new Value("SKU-" + k, 2));
        }
    }
}
