package io.gamebus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.XmlConfigBuilder;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded cluster.xml is Hazelcast XML with the settings DESIGN §8 asks for. */
class ClusterXmlTest {

  private static Config parse(String xml) {
    return new XmlConfigBuilder(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).build();
  }

  @Test
  void embeddedClusterXmlIsValidHazelcast() {
    Config config = parse(ClusterConfig.fromJson(new JsonObject()).readXml());
    assertEquals("gamebus", config.getClusterName());
    assertEquals("false", config.getProperty("hazelcast.phone.home.enabled"));
    assertEquals(5701, config.getNetworkConfig().getPort());
    assertTrue(config.getNetworkConfig().isPortAutoIncrement());
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertFalse(join.getMulticastConfig().isEnabled());
    assertFalse(join.getAutoDetectionConfig().isEnabled());
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertEquals(List.of("127.0.0.1"), join.getTcpIpConfig().getMembers());
    assertTrue(config.getNetworkConfig().getInterfaces().isEnabled());
    assertTrue(config.getNetworkConfig().getInterfaces().getInterfaces().contains("127.0.0.1"));
    // What the Vert.x cluster manager relies on.
    assertNotNull(config.getMultiMapConfigs().get("__vertx.subs"));
    assertNotNull(config.getMapConfigs().get("__vertx.haInfo"));
    assertNotNull(config.getMapConfigs().get("__vertx.nodeInfo"));
  }

  @Test
  void schemaErrorsAreCaught() {
    // Guards the test above: the builder really validates against the Hazelcast schema.
    String bad = ClusterConfig.fromJson(new JsonObject()).readXml().replace("<cluster-name>", "<clustre-name>")
        .replace("</cluster-name>", "</clustre-name>");
    assertThrows(InvalidConfigurationException.class, () -> parse(bad));
  }

  @Test
  void namedFileIsRead() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ClusterConfig.fromJson(new JsonObject().put("configFile", "no-such-cluster.xml")).readXml());
    assertEquals("cluster.configFile: cannot read 'no-such-cluster.xml': no such file", e.getMessage());
  }
}
