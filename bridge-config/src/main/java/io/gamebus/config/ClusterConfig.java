package io.gamebus.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Joining a Vert.x cluster (Hazelcast). The Hazelcast side (members, ports, discovery) lives in a
 * Hazelcast XML file; this object says whether to use it and where the event bus itself listens.
 *
 * <pre>{@code "cluster": {"enabled": false, "eventBusHost": "127.0.0.1", "eventBusPort": 0}}</pre>
 */
public final class ClusterConfig extends ConfigObject {

  /** The embedded Hazelcast configuration: TCP-IP on 127.0.0.1, port 5701 and up, multicast off. */
  public static final String DEFAULT_RESOURCE = "gamebus/cluster.xml";
  public static final String DEFAULT_EVENT_BUS_HOST = "127.0.0.1";
  public static final int DEFAULT_EVENT_BUS_PORT = 0;

  private final boolean enabled;
  private final String configFile;
  private final String eventBusHost;
  private final int eventBusPort;

  ClusterConfig(JsonFields f) {
    this.enabled = f.bool("enabled", false);
    this.configFile = f.string("configFile", null);
    if (configFile != null && configFile.isBlank()) {
      throw f.error("configFile", "must not be empty (leave it out to use the embedded cluster.xml)");
    }
    this.eventBusHost = Hosts.read(f, "eventBusHost", DEFAULT_EVENT_BUS_HOST);
    this.eventBusPort = f.port("eventBusPort", DEFAULT_EVENT_BUS_PORT);
    f.done();
  }

  public static ClusterConfig fromJson(JsonObject json) {
    return new ClusterConfig(JsonFields.of(json, "cluster"));
  }

  /** Whether to start clustered; default false. The {@code --cluster} flag turns it on. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Path of a Hazelcast XML file (relative to the working directory); default {@code null}, meaning
   * the embedded {@value #DEFAULT_RESOURCE}.
   */
  public String configFile() {
    return configFile;
  }

  /** Address the event bus binds and advertises to other nodes; default {@value #DEFAULT_EVENT_BUS_HOST}. */
  public String eventBusHost() {
    return eventBusHost;
  }

  /** TCP port of the event bus between nodes; default 0, a free port. */
  public int eventBusPort() {
    return eventBusPort;
  }

  /**
   * The Hazelcast XML to use: the named file, or the embedded one.
   *
   * @throws ConfigException at {@code cluster.configFile} if the file cannot be read
   */
  public String readXml() {
    if (configFile == null) {
      try (InputStream in = ClusterConfig.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new ConfigException("cluster", DEFAULT_RESOURCE + " is missing from the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException("cluster", "cannot read " + DEFAULT_RESOURCE + ": " + e);
      }
    }
    return FileText.read(configFile, "cluster.configFile");
  }

  /** A copy with {@code enabled} changed. */
  public ClusterConfig withEnabled(boolean enabled) {
    return fromJson(toJson().put("enabled", enabled));
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("enabled", enabled);
    if (configFile != null) {
      json.put("configFile", configFile);
    }
    return json.put("eventBusHost", eventBusHost).put("eventBusPort", eventBusPort);
  }
}
