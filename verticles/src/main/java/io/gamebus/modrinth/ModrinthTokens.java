package io.gamebus.modrinth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The short-lived socket tokens of the server role: HS256 JWTs whose subject is the server id,
 * minted by the token endpoint and verified on the socket's {@code auth}. The key is the
 * configured one ({@code auth.keyEnv}/{@code keyFile}) or, when none is configured, 32 random bytes
 * made at start: tokens then verify only on the node that minted them and not after a restart,
 * which the official client handles (it fetches a new token on {@code auth-incorrect}). Nodes of a
 * cluster whose clients may reach any node need one configured key.
 */
final class ModrinthTokens {

  /** A verified token: its server id and when it expires (ms since the epoch). */
  record Claims(String serverId, long expiresAtMs) {
  }

  private final JWTAuth jwt;
  private final int lifetimeSeconds;
  private final boolean ephemeral;

  private ModrinthTokens(JWTAuth jwt, int lifetimeSeconds, boolean ephemeral) {
    this.jwt = jwt;
    this.lifetimeSeconds = lifetimeSeconds;
    this.ephemeral = ephemeral;
  }

  /** @param key the configured HS256 secret, or null for an ephemeral one */
  static ModrinthTokens create(Vertx vertx, String key, int lifetimeSeconds) {
    boolean ephemeral = key == null || key.isBlank();
    String secret = ephemeral ? randomSecret() : key;
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    return new ModrinthTokens(jwt, lifetimeSeconds, ephemeral);
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  boolean ephemeral() {
    return ephemeral;
  }

  /** A token for one server id, valid for the configured lifetime. */
  String mint(String serverId) {
    return jwt.generateToken(new JsonObject().put("sub", serverId),
      new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(lifetimeSeconds));
  }

  /** Fails with a reason (never the token) unless signed by us, unexpired and for {@code serverId}. */
  Future<Claims> verify(String token, String serverId) {
    if (token == null || token.isEmpty()) {
      return Future.failedFuture("no jwt");
    }
    return jwt.authenticate(new TokenCredentials(token))
      .recover(e -> Future.failedFuture("signature invalid or token expired"))
      .compose(user -> {
        JsonObject claims = user.principal();
        if (!serverId.equals(claims.getValue("sub"))) {
          return Future.failedFuture("token is for another server");
        }
        // Vert.x puts exp, iat and nbf into the user's attributes, not its principal
        if (!(user.attributes().getValue("exp") instanceof Number exp)) {
          return Future.failedFuture("token has no expiry");
        }
        return Future.succeededFuture(new Claims(serverId, exp.longValue() * 1000));
      });
  }
}
