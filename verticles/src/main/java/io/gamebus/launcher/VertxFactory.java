package io.gamebus.launcher;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryXmlConfig;
import io.gamebus.config.ClusterConfig;
import io.gamebus.config.GamebusConfig;
import io.gamebus.metrics.NodeMeters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;


/**
 * A plain Vert.x instance, or a clustered one on Hazelcast (TCP-IP on loopback, no phone-home);
 * with {@code http.metrics} (the default) it collects Vert.x's and the JVM's metrics for the
 * console's {@code /metrics} ({@link NodeMeters}).
 */
public final class VertxFactory {

  private VertxFactory() {
  }

  public static Future<Vertx> create(GamebusConfig config) {
    NodeMeters.Collecting metrics = config.http().metrics() ? NodeMeters.collecting() : null;
    VertxOptions options = new VertxOptions();
    if (metrics != null) {
      options.setMetricsOptions(metrics.options());
    }
    VertxBuilder builder = Vertx.builder().with(options);
    if (metrics != null) {
      builder.withMetrics(metrics.factory());
    }
    Future<Vertx> created = config.cluster().enabled() ? clustered(config, options, builder) : Future.succeededFuture(builder.build());
    return metrics == null ? created : created.map(metrics::register);
  }

  private static Future<Vertx> clustered(GamebusConfig config, VertxOptions options, VertxBuilder builder) {
    // Set before Hazelcast reads it, whatever the XML says.
    System.setProperty("hazelcast.phone.home.enabled", "false");
    HazelcastLogging.quiet();
    ClusterConfig cluster = config.cluster();
    Config hazelcast = hazelcastConfig(cluster);
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    options.setEventBusOptions(new EventBusOptions().setHost(cluster.eventBusHost()).setPort(cluster.eventBusPort()));
    return builder.with(options).withClusterManager(new HazelcastClusterManager(hazelcast)).buildClustered();
  }

  /** The named file or the embedded cluster.xml; a missing file fails with the field's name. */
  public static Config hazelcastConfig(ClusterConfig cluster) {
    return new InMemoryXmlConfig(cluster.readXml());
  }
}
