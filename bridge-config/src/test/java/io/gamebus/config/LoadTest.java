package io.gamebus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped files load, and file-level problems name the file. */
class LoadTest {

  // Surefire runs in the module directory, where the shipped files live.
  static Stream<Path> shippedFiles() throws IOException {
    try (Stream<Path> examples = Files.list(Path.of("examples"))) {
      List<Path> files = examples.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      assertFalse(files.isEmpty(), "no examples found");
      return Stream.concat(Stream.of(Path.of("default.json")), files.stream());
    }
  }

  @ParameterizedTest
  @MethodSource("shippedFiles")
  void shippedFileLoads(Path file) {
    GamebusConfig config = GamebusConfig.load(file);
    assertEquals(config, GamebusConfig.fromJson(config.toJson()));
  }

  @Test
  void embeddedDefaultIsTheDocumentedOne() {
    GamebusConfig config = GamebusConfig.loadDefault();
    assertEquals(GamebusConfig.load(Path.of("default.json")), config);
    assertEquals("gamebus", config.busPrefix());
    assertEquals("127.0.0.1", config.http().host());
    assertEquals(8090, config.http().port());
    assertFalse(config.cluster().enabled());
    assertEquals(5, config.endpoints().size());
    EndpointConfig bot = config.endpoints().get(4);
    assertEquals(Protocol.RED, bot.protocol());
    assertEquals("bot", bot.name());
    assertEquals(6133, bot.listeners().get(0).port(), "Red's own RPC port");
    assertEquals("/", bot.listeners().get(0).path());
    assertEquals(EndpointConfig.RED_MAX_MESSAGE_BYTES, bot.limits().maxMessageBytes());
    assertEquals("gamebus.faf.lobby.in.game_info", bot.options().getJsonObject("topics").getString("FAF__GAME_INFO"));
    EndpointConfig hosting = config.endpoints().get(3);
    assertEquals(Protocol.MODRINTH, hosting.protocol());
    assertEquals(8091, hosting.listeners().get(0).port());
    assertEquals("/ws", hosting.listeners().get(0).path());
    assertEquals("GAMEBUS_MODRINTH_API_TOKEN", hosting.auth().tokenEnv());
    EndpointConfig packs = config.endpoints().get(2);
    assertEquals(Protocol.RPFM, packs.protocol());
    assertEquals(45127, packs.listeners().get(0).port(), "the real RPFM UI cannot use another port");
    assertEquals("/ws", packs.listeners().get(0).path());
    assertEquals(EndpointConfig.RPFM_MAX_MESSAGE_BYTES, packs.limits().maxFrameBytes());
    EndpointConfig fortress = config.endpoints().get(1);
    assertEquals(Protocol.DFHACK, fortress.protocol());
    assertEquals(5000, fortress.listeners().get(0).port());
    EndpointConfig lobby = config.endpoints().get(0);
    assertEquals(Protocol.FAF, lobby.protocol());
    assertEquals("lobby", lobby.name());
    assertEquals(Role.SERVER, lobby.role());
    assertEquals(Transport.TCP, lobby.listeners().get(0).transport());
    assertEquals(8002, lobby.listeners().get(0).port());
    assertEquals(Transport.WEBSOCKET, lobby.listeners().get(1).transport());
    assertEquals(8003, lobby.listeners().get(1).port());
    assertEquals("/", lobby.listeners().get(1).path());
    assertEquals("GAMEBUS_FAF_JWT_SECRET", lobby.auth().keyEnv());
    assertEquals(45, lobby.options().getInteger("pingIntervalSeconds"));
    assertTrue(config.bridge().inbound().get(0).permits("gamebus.faf.lobby.out"));
    assertTrue(config.bridge().inbound().get(0).permits("gamebus.dfhack.fortress.request"));
    assertFalse(config.bridge().inbound().get(0).permits("gamebus.faf.lobby.handle.login"));
    assertFalse(config.bridge().outbound().get(0).permits("gamebus.faf.lobby.out"));
    assertTrue(config.bridge().outbound().get(0).permits("gamebus.faf.lobby.in"));
    assertFalse(config.bridge().outbound().get(0).permits("other.faf.lobby.in"));
  }

  @Test
  void examplesAreEmbedded() {
    assertTrue(resource("gamebus/examples/faf-client.json"));
    assertTrue(resource("gamebus/examples/rpfm-client.json"));
    assertTrue(resource("gamebus/examples/cluster-node.json"));
    assertTrue(resource("gamebus/cluster.xml"));
  }

  @Test
  void missingFileIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> GamebusConfig.load(Path.of("nope.json")));
    assertEquals("nope.json: cannot read: no such file", e.getMessage());
    assertEquals("nope.json", e.source());
  }

  @Test
  void syntaxErrorHasFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\n  \"http\": {\n    \"port\": 8090,\n  }\n}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> GamebusConfig.load(file));
    assertEquals("", e.path());
    assertTrue(e.getMessage().startsWith(file + ": line 4, column "), e.getMessage());
  }

  @Test
  void duplicateFieldInFileIsAnError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("dup.json");
    Files.writeString(file, "{\"busPrefix\": \"a\", \"busPrefix\": \"b\"}");
    ConfigException e = assertThrows(ConfigException.class, () -> GamebusConfig.load(file));
    assertTrue(e.reason().contains("Duplicate field 'busPrefix'"), e.getMessage());
  }

  @Test
  void fieldErrorInFileNamesFileAndPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("port.json");
    Files.writeString(file, "{\"http\": {\"port\": 70000}}");
    ConfigException e = assertThrows(ConfigException.class, () -> GamebusConfig.load(file));
    assertEquals(file + ": http.port: 70000 is not a port", e.getMessage());
    assertEquals("http.port", e.path());
  }

  @Test
  void documentMustBeAnObject(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("array.json");
    Files.writeString(file, "[]");
    ConfigException e = assertThrows(ConfigException.class, () -> GamebusConfig.load(file));
    assertEquals(file + ": expected a JSON object, got an array", e.getMessage());
  }

  @Test
  void trailingContentIsAnError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("two.json");
    Files.writeString(file, "{} {}");
    assertThrows(ConfigException.class, () -> GamebusConfig.load(file));
  }

  @Test
  void numbersBeyondLongAreHandled(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.json");
    Files.writeString(file, "{\"http\": {\"port\": 123456789012345678901234567890}}");
    ConfigException e = assertThrows(ConfigException.class, () -> GamebusConfig.load(file));
    assertEquals("http.port: 123456789012345678901234567890 is not a port", e.path() + ": " + e.reason());
    Path options = dir.resolve("options.json");
    Files.writeString(options, "{\"endpoints\": [{\"protocol\": \"red\", \"name\": \"bot\", \"role\": \"client\","
        + " \"url\": \"ws://127.0.0.1:6133/\", \"options\": {\"big\": 123456789012345678901234567890}}]}");
    GamebusConfig config = GamebusConfig.load(options);
    assertEquals(config, GamebusConfig.fromJson(config.toJson()));
  }

  @Test
  void embeddedClusterXmlIsTheDefault() {
    ClusterConfig cluster = GamebusConfig.loadDefault().cluster();
    assertNull(cluster.configFile());
    assertTrue(cluster.readXml().contains("<cluster-name>gamebus</cluster-name>"));
  }

  private static boolean resource(String name) {
    return LoadTest.class.getClassLoader().getResource(name) != null;
  }
}
