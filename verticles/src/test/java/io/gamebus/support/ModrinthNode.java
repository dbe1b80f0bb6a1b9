package io.gamebus.support;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.modrinth.ModrinthServerEndpoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node with one Modrinth server endpoint {@value #NAME} for the raw-client tests: the API token
 * {@value #API_TOKEN} and a per-test signing key, each in a file, as a deployment would have them.
 */
public final class ModrinthNode {

  public static final String NAME = "hosting";
  public static final String API_TOKEN = "test-api-token-0123456789";

  private final GamebusNode node;
  private final String secret;

  private ModrinthNode(GamebusNode node, String secret) {
    this.node = node;
    this.secret = secret;
  }

  /**
   * Starts it with those {@code options} and {@code limits} (null: none given).
   *
   * @param apiToken whether the API token file is configured at all
   */
  public static Future<ModrinthNode> start(Vertx vertx, Path dir, JsonObject options, JsonObject limits,
                                           boolean apiToken) {
    String secret = "modrinth-test-key-" + System.nanoTime();
    JsonObject endpoint = TestConfigs.modrinthServer(NAME, write(dir, "api-token", API_TOKEN), options);
    JsonObject auth = new JsonObject().put("keyFile", write(dir, "jwt-key", secret));
    if (apiToken) {
      auth.put("tokenFile", endpoint.getJsonObject("auth").getString("tokenFile"));
    }
    endpoint.put("auth", auth);
    if (limits != null) {
      endpoint.put("limits", limits);
    }
    return GamebusNode.start(vertx, TestConfigs.node(endpoint)).map(node -> new ModrinthNode(node, secret));
  }

  public static Future<ModrinthNode> start(Vertx vertx, Path dir, JsonObject options) {
    return start(vertx, dir, options, null, true);
  }

  public GamebusNode node() { return node; }

  public ModrinthServerEndpoint endpoint() { return node.modrinthServer(NAME); }

  /** The socket listener's actual port (the REST routes share it). */
  public int port() {
    return URI.create(endpoint().listening().get(0)).getPort();
  }

  /** The HS256 key the endpoint signs and verifies socket tokens with. */
  public String secret() { return secret; }

  /** The endpoint's bad-input counter. */
  public long badInput() {
    return endpoint().bus().metrics().toJson().getLong("badInput");
  }

  /** A bus address of the endpoint, e.g. {@code address("in")}. */
  public static String address(String suffix) {
    return "gamebus.modrinth." + NAME + "." + suffix;
  }

  private static String write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name + "-" + System.nanoTime()), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
