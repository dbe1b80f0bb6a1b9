package io.gamebus.config;

import static io.gamebus.config.ValidationTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bridge.auth}: absent changes nothing; present, it names its key and maps claims to addresses. */
class BridgeAuthConfigTest {

  private static JsonObject withAuth(JsonObject auth) {
    return new JsonObject().put("bridge", new JsonObject().put("auth", auth));
  }

  private static JsonObject key() {
    return new JsonObject().put("keyEnv", "BRIDGE_JWT");
  }

  @Test
  void absentMeansNoAuthentication() {
    BridgeConfig bridge = GamebusConfig.fromJson(new JsonObject()).bridge();
    assertNull(bridge.auth());
    assertFalse(bridge.toJson().containsKey("auth"), "the JSON form of a config without auth is unchanged");
  }

  @Test
  void defaultsAndGrants() {
    JsonObject ops = new JsonObject()
        .put("inbound", new JsonArray().add(new JsonObject().put("address", "ops.restart")))
        .put("outbound", new JsonArray().add(new JsonObject().put("addressRegex", "ops\\..+")));
    BridgeAuthConfig auth = GamebusConfig.fromJson(withAuth(key()
        .put("roles", new JsonObject().put("ops", ops))
        .put("users", new JsonObject().put("alice", new JsonObject())))).bridge().auth();
    assertEquals("HS256", auth.jwtAlgorithm());
    assertFalse(auth.required());
    assertEquals("roles", auth.rolesClaim());
    assertNull(auth.issuer());
    assertNull(auth.audience());
    assertEquals(List.of(PermittedAddress.address("ops.restart")), auth.roles().get("ops").inbound());
    assertEquals(List.of(PermittedAddress.addressRegex("ops\\..+")), auth.roles().get("ops").outbound());
    assertEquals(List.of(), auth.users().get("alice").inbound(), "a grant's lists default to empty");
  }

  @Test
  void roundTrip() {
    BridgeAuthConfig auth = RoundTripTest.roundTrip(BridgeAuthConfig.fromJson(new JsonObject()
        .put("jwtAlgorithm", "RS256").put("keyFile", "/etc/gamebus/bridge.pem").put("issuer", "https://id.example")
        .put("audience", "gamebus").put("required", true).put("rolesClaim", "realm_access.roles")
        .put("users", new JsonObject().put("bob", new JsonObject()
            .put("outbound", new JsonArray().add(new JsonObject().put("address", "bob.inbox")))))),
        BridgeAuthConfig::fromJson);
    assertTrue(auth.required());
    BridgeConfig bridge = RoundTripTest.roundTrip(BridgeConfig.fromJson(new JsonObject().put("auth", key())),
        BridgeConfig::fromJson);
    assertEquals("BRIDGE_JWT", bridge.auth().keyEnv());
  }

  @Test
  void aKeySourceIsRequired() {
    assertError("bridge.auth.keyEnv: required: name the variable (keyEnv) or file (keyFile) holding the key that"
        + " verifies browser tokens (the HS256 secret or the RS256 public key)", withAuth(new JsonObject()));
    assertError("bridge.auth.keyFile: set keyEnv or keyFile, not both", withAuth(key().put("keyFile", "k.pem")));
  }

  @Test
  void secretsAreNeverInline() {
    assertError("bridge.auth.secret: " + AuthConfig.INLINE_SECRET, withAuth(key().put("secret", "s3cr3t")));
    assertError("bridge.auth.keyEnv: not an environment variable name (give the variable's name, not its value)",
        withAuth(new JsonObject().put("keyEnv", "s3cr3t value")));
  }

  @Test
  void fieldsAreValidated() {
    assertError("bridge.auth.jwtAlgorithm: 'none' is not one of HS256, RS256", withAuth(key().put("jwtAlgorithm", "none")));
    assertError("bridge.auth.required: expected true or false, got \"yes\"", withAuth(key().put("required", "yes")));
    assertError("bridge.auth.issuer: must not be empty (leave it out to accept any)", withAuth(key().put("issuer", " ")));
    assertError("bridge.auth.audience: expected a string, got 1", withAuth(key().put("audience", 1)));
    assertError("bridge.auth.rolesClaim: 'my roles' is not a claim name (no spaces)",
        withAuth(key().put("rolesClaim", "my roles")));
    assertError("bridge.auth.expiry: unknown field", withAuth(key().put("expiry", 5)));
  }

  @Test
  void grantsAreValidated() {
    assertError("bridge.auth.roles: expected an object, got an array", withAuth(key().put("roles", new JsonArray())));
    assertError("bridge.auth.roles.ops: expected an object with inbound and/or outbound, got \"ops.restart\"",
        withAuth(key().put("roles", new JsonObject().put("ops", "ops.restart"))));
    assertError("bridge.auth.users: a user (a token's sub) name is not empty",
        withAuth(key().put("users", new JsonObject().put("", new JsonObject()))));
    assertError("bridge.auth.roles.ops.outbound[0]: set exactly one of address and addressRegex",
        withAuth(key().put("roles", new JsonObject().put("ops", new JsonObject()
            .put("outbound", new JsonArray().add(new JsonObject()))))));
    assertError("bridge.auth.users.alice.outbund: unknown field",
        withAuth(key().put("users", new JsonObject().put("alice", new JsonObject().put("outbund", new JsonArray())))));
    ConfigException e = assertThrows(ConfigException.class, () -> GamebusConfig.fromJson(withAuth(key()
        .put("roles", new JsonObject().put("ops", new JsonObject()
            .put("inbound", new JsonArray().add(new JsonObject().put("addressRegex", "ops.("))))))));
    assertEquals("bridge.auth.roles.ops.inbound[0].addressRegex", e.path());
  }

  @Test
  void keyIsReadWhenAskedAndMissingKeysNameTheField(@TempDir Path dir) throws IOException {
    BridgeAuthConfig fromEnv = BridgeAuthConfig.fromJson(key());
    assertEquals("s3cr3t", fromEnv.resolveKey(Map.of("BRIDGE_JWT", "s3cr3t\n")::get));
    ConfigException unset = assertThrows(ConfigException.class, () -> fromEnv.resolveKey(name -> null));
    assertEquals("bridge.auth.keyEnv", unset.path());
    assertEquals("the environment variable BRIDGE_JWT is not set or is empty: it holds the key that verifies"
        + " browser tokens", unset.reason());
    BridgeAuthConfig fromFile = BridgeAuthConfig.fromJson(new JsonObject().put("keyFile", dir.resolve("none").toString()));
    ConfigException missing = assertThrows(ConfigException.class, () -> fromFile.resolveKey(name -> null));
    assertEquals("bridge.auth.keyFile", missing.path());
    Path file = Files.writeString(dir.resolve("key"), "file-secret\n");
    assertEquals("file-secret", BridgeAuthConfig.fromJson(new JsonObject().put("keyFile", file.toString()))
        .resolveKey(name -> null));
    assertFalse(fromEnv.toString().contains("s3cr3t"));
  }
}
