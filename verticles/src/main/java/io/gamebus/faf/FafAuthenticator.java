package io.gamebus.faf;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * Verifies lobby {@code auth} tokens as the FAF server does: signature (HS256 secret or RS256
 * public key), expiry, the {@code lobby} scope in {@code scp}, the player id from {@code sub}.
 * The audience is not checked, like the real server. The key is held by Vert.x Auth only.
 */
public final class FafAuthenticator {

  /** A verified player. */
  public record Identity(long id, String login, JsonObject claims) {
  }

  private final JWTAuth jwt;
  private final String missingKeyReason;

  private FafAuthenticator(JWTAuth jwt, String missingKeyReason) {
    this.jwt = jwt;
    this.missingKeyReason = missingKeyReason;
  }

  /**
   * @param algorithm HS256 or RS256
   * @param key the HS256 secret or the RS256 public key in PEM form; null when none is configured
   * @param missingKeyReason what a client is told when no key is configured
   */
  public static FafAuthenticator create(Vertx vertx, String algorithm, String key, String missingKeyReason) {
    if (key == null || key.isBlank()) {
      return new FafAuthenticator(null, missingKeyReason);
    }
    JWTAuthOptions options = new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(key));
    return new FafAuthenticator(JWTAuth.create(vertx, options), null);
  }

  public boolean hasKey() {
    return jwt != null;
  }

  /** Fails with the text sent back in {@code authentication_failed}. */
  public Future<Identity> verify(String token) {
    if (jwt == null) {
      return Future.failedFuture(missingKeyReason);
    }
    if (token == null || token.isEmpty()) {
      return Future.failedFuture("Token is missing");
    }
    return jwt.authenticate(new TokenCredentials(token))
      .recover(failure -> Future.failedFuture("Token signature was invalid or the token has expired"))
      .compose(user -> identity(user.principal()));
  }

  private static Future<Identity> identity(JsonObject claims) {
    if (!hasLobbyScope(claims.getValue("scp"))) {
      return Future.failedFuture("Token does not have permission to login to the lobby server");
    }
    long id;
    try {
      id = Long.parseLong(String.valueOf(claims.getValue("sub")));
    } catch (NumberFormatException e) {
      return Future.failedFuture("Token subject is not a player id");
    }
    return Future.succeededFuture(new Identity(id, loginOf(claims, id), claims));
  }

  private static boolean hasLobbyScope(Object scp) {
    if (scp instanceof JsonArray scopes) {
      return scopes.contains("lobby");
    }
    if (scp instanceof String scopes) {
      return java.util.Arrays.asList(scopes.split(" ")).contains("lobby");
    }
    return false;
  }

  /** FAF's own tokens carry no login; take a common claim when present. */
  private static String loginOf(JsonObject claims, long id) {
    for (String claim : new String[] {"username", "preferred_username", "name"}) {
      if (claims.getValue(claim) instanceof String login && !login.isBlank()) {
        return login;
      }
    }
    JsonObject ext = claims.getValue("ext") instanceof JsonObject e ? e : new JsonObject();
    return ext.getValue("username") instanceof String login ? login : "player" + id;
  }
}
