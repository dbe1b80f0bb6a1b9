package io.gamebus.launcher;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import io.gamebus.config.ClusterConfig;
import io.gamebus.config.GamebusConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.FileNotFoundException;

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
    System.setProperty("hazelcast.logging.type", "jdk");
    Config hazelcast;
    try {
      hazelcast = hazelcastConfig(config.cluster());
    } catch (FileNotFoundException e) {
      return Future.failedFuture("cluster.configFile: " + e.getMessage());
    }
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions().setHost("127.0.0.1"));
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast)).buildClustered();
  }

  static Config hazelcastConfig(ClusterConfig cluster) throws FileNotFoundException {
    return cluster.configFile() == null
      ? new ClasspathXmlConfig("gamebus/cluster.xml")
      : new FileSystemXmlConfig(cluster.configFile());
  }
}
