package io.gamebus.launcher;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryXmlConfig;
import io.gamebus.config.ClusterConfig;
import io.gamebus.config.GamebusConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;


/** A plain Vert.x instance, or a clustered one on Hazelcast (TCP-IP on loopback, no phone-home). */
public final class VertxFactory {

  private VertxFactory() {
  }

  public static Future<Vertx> create(GamebusConfig config) {
    if (!config.cluster().enabled()) {
      return Future.succeededFuture(Vertx.vertx());
    }
    // Set before Hazelcast reads it, whatever the XML says.
    System.setProperty("hazelcast.phone.home.enabled", "false");
    HazelcastLogging.quiet();
    ClusterConfig cluster = config.cluster();
    Config hazelcast = hazelcastConfig(cluster);
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
      .setHost(cluster.eventBusHost()).setPort(cluster.eventBusPort()));
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast)).buildClustered();
  }

  /** The named file or the embedded cluster.xml; a missing file fails with the field's name. */
  public static Config hazelcastConfig(ClusterConfig cluster) {
    return new InMemoryXmlConfig(cluster.readXml());
  }
}
