package io.gamebus.bridge;

import io.gamebus.config.ConfigException;
import io.gamebus.launcher.GamebusNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static io.gamebus.bridge.BridgeAuthTest.NEWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key of bridge.auth: an RS256 public key verifies tokens signed with its private key; a missing key stops the start. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BridgeAuthKeysTest {

  @TempDir
  Path dir;

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
      + "\n-----END " + type + "-----\n";
  }

  @Test
  void anRs256TokenIsVerifiedWithThePublicKey(Vertx vertx) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Path publicKey = Files.writeString(dir.resolve("bridge.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    JWTAuth issuer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("RS256")
      .setBuffer(pem("PRIVATE KEY", keys.getPrivate().getEncoded()))));
    String token = issuer.generateToken(new JsonObject().put("sub", "bob").put("roles", new JsonArray().add("ops"))
      .put("iss", "https://id.example").put("aud", new JsonArray().add("other").add("gamebus")),
      new JWTOptions().setAlgorithm("RS256").setExpiresInSeconds(60));
    JsonObject auth = BridgeAuthTest.authConfig(publicKey.toString(), false).put("jwtAlgorithm", "RS256")
      .put("issuer", "https://id.example").put("audience", "gamebus");
    int port = GamebusNode.start(vertx, BridgeAuthTest.config(auth)).await(10, TimeUnit.SECONDS).console().actualPort();

    BridgeAuthTest.Wire wire = BridgeAuthTest.Wire.open(vertx.createWebSocketClient(), port, "token=" + token);
    wire.register(NEWS, null);
    assertEquals("rec", BridgeAuthTest.publishUntilReceived(vertx, wire, NEWS).getString("type"));

    String otherAudience = issuer.generateToken(new JsonObject().put("sub", "bob").put("iss", "https://id.example")
      .put("aud", "elsewhere"), new JWTOptions().setAlgorithm("RS256").setExpiresInSeconds(60));
    BridgeAuthTest.Wire refused = BridgeAuthTest.Wire.open(vertx.createWebSocketClient(), port, "token=" + otherAudience);
    BridgeAuthTest.assertErr(refused.next(), "auth_failed", 401, null,
      "the token's aud does not include 'gamebus' (bridge.auth.audience)", "the socket has the default permissions");
  }

  @Test
  void aMissingKeyStopsTheStartWithTheField(Vertx vertx) {
    JsonObject auth = new JsonObject().put("keyEnv", "GAMEBUS_TEST_BRIDGE_KEY_THAT_IS_NEVER_SET");
    Exception e = assertThrows(Exception.class, () -> GamebusNode.start(vertx, BridgeAuthTest.config(auth)).await(10, TimeUnit.SECONDS));
    Throwable cause = e;
    while (!(cause instanceof ConfigException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertTrue(cause instanceof ConfigException, String.valueOf(e));
    assertEquals("bridge.auth.keyEnv", ((ConfigException) cause).path());
  }
}
