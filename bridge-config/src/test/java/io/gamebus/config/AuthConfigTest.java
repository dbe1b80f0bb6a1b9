package io.gamebus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets are read when asked for, from the named place, and never kept or printed. */
class AuthConfigTest {

  private static GamebusConfig withAuth(String role, JsonObject auth) {
    JsonObject endpoint = role.equals("server") ? ValidationTest.server("a", 1) : ValidationTest.client("a", "ws://h/");
    return GamebusConfig.fromJson(ValidationTest.config(endpoint.put("auth", auth)));
  }

  @Test
  void keyFromEnvironment() {
    AuthConfig auth = AuthConfig.fromJson(new JsonObject().put("keyEnv", "JWT"));
    assertEquals(Optional.of("s3cr3t"), auth.resolveKey(Map.of("JWT", "s3cr3t\n")::get));
    assertEquals(Optional.empty(), auth.resolveKey(Map.<String, String>of()::get), "unset variable");
    assertEquals(Optional.empty(), auth.resolveKey(Map.of("JWT", "")::get), "empty variable");
    assertEquals(Optional.empty(), auth.resolveToken(Map.of("JWT", "s3cr3t")::get), "no token source named");
  }

  @Test
  void tokenFromFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, "eyJhbGciOi.x.y\r\n");
    AuthConfig auth = withAuth("client", new JsonObject().put("tokenFile", file.toString())).endpoints().get(0).auth();
    assertEquals(Optional.of("eyJhbGciOi.x.y"), auth.resolveToken(name -> null));
  }

  @Test
  void unreadableFileNamesTheField(@TempDir Path dir) {
    AuthConfig auth = withAuth("server", new JsonObject().put("keyFile", dir.resolve("missing.pem").toString()))
        .endpoints().get(0).auth();
    ConfigException e = assertThrows(ConfigException.class, () -> auth.resolveKey(name -> null));
    assertEquals("endpoints[0].auth.keyFile", e.path());
    assertEquals("cannot read '" + dir.resolve("missing.pem") + "': no such file", e.reason());
  }

  @Test
  void emptyFileIsAnError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("empty.pem"), "\n");
    AuthConfig auth = AuthConfig.fromJson(new JsonObject().put("keyFile", file.toString()));
    ConfigException e = assertThrows(ConfigException.class, () -> auth.resolveKey(name -> null));
    assertEquals("auth.keyFile", e.path());
  }

  @Test
  void toStringHasNoSecret() {
    AuthConfig auth = AuthConfig.fromJson(new JsonObject().put("keyEnv", "JWT"));
    auth.resolveKey(Map.of("JWT", "s3cr3t")::get);
    assertFalse(auth.toString().contains("s3cr3t"));
    assertFalse(auth.toJson().encode().contains("s3cr3t"));
  }
}
