// Copies the README's first Java snippet into the consumer project, inside a method, with the imports a reader adds.
def readme = new File(readmePath).text
def matcher = readme =~ /(?s)```java\n(.*?)```/
if (!matcher.find()) {
    throw new IllegalStateException("no ```java snippet in " + readmePath)
}
def body = matcher.group(1).readLines().collect { '        ' + it }.join('\n')
def source = """package com.example.shop;

import io.omskit.core.Oms;
import io.omskit.core.PlacementResult;
import io.omskit.core.catalog.Dimensions;
import io.omskit.core.catalog.Sku;
import io.omskit.core.catalog.SkuAttributes;
import io.omskit.core.channel.Channel;
import io.omskit.core.inmemory.FakePaymentGateway;
import io.omskit.core.inmemory.InMemoryCatalog;
import io.omskit.core.inmemory.InMemoryInventoryStore;
import io.omskit.core.inmemory.InMemoryOrderRepository;
import io.omskit.core.inmemory.RecordingEventPublisher;
import io.omskit.core.inventory.MovementReason;
import io.omskit.core.inventory.StockAdjustment;
import io.omskit.core.network.GeoPoint;
import io.omskit.core.network.Location;
import io.omskit.core.network.LocationId;
import io.omskit.core.network.LocationType;
import io.omskit.core.network.Network;
import io.omskit.core.order.Address;
import io.omskit.core.order.DeliveryChoice;
import io.omskit.core.order.DeliveryMethod;
import io.omskit.core.order.PlaceOrderRequest;
import io.omskit.core.spi.PaymentGateway;
import java.time.Clock;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** The README's "Wiring it in" snippet, as a host would paste it. */
final class WiringItIn {

    static void run() {
${body}
    }
}
"""
def dir = new File(basedir, 'src/main/java/com/example/shop')
dir.mkdirs()
new File(dir, 'WiringItIn.java').text = source
return true
