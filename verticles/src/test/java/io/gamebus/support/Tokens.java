package io.gamebus.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Signs test tokens with a per-test HS256 secret kept in a file, as a deployment would. */
public final class Tokens {

  private final JWTAuth jwt;
  private final Path secretFile;

  public Tokens(Vertx vertx, Path dir) {
    String secret = "test-secret-of-at-least-32-bytes-" + System.nanoTime(); // no short-key warning
    try {
      secretFile = Files.writeString(dir.resolve("faf-secret"), secret);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
  }

  public String secretFile() {
    return secretFile.toString();
  }

  public String lobby(long playerId, String login) {
    return sign(new JsonObject().put("sub", String.valueOf(playerId)).put("username", login)
      .put("scp", new JsonArray().add("openid").add("lobby")));
  }

  public String sign(JsonObject claims) {
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(10));
  }

  public String tokenFile(Path dir, String token) {
    try {
      return Files.writeString(dir.resolve("token-" + System.nanoTime()), token).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
