package io.gamebus.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * {@code faf-token --sub 42 [--login alice] [--minutes 60] [--secret-env NAME]}: prints an HS256
 * lobby token (scope {@code lobby}) signed with the secret in the environment variable (default
 * {@code GAMEBUS_FAF_JWT_SECRET}), so a FAF client can log in to a local server-role endpoint.
 */
final class FafTokenCommand {

  private FafTokenCommand() {
  }

  static int run(String[] args) {
    String sub = null;
    String login = null;
    int minutes = 60;
    String secretEnv = "GAMEBUS_FAF_JWT_SECRET";
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--sub" -> sub = require(args[i], value);
          case "--login" -> login = require(args[i], value);
          case "--minutes" -> minutes = Integer.parseInt(require(args[i], value));
          case "--secret-env" -> secretEnv = require(args[i], value);
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
        i++;
      }
      if (sub == null || !sub.matches("\\d+")) {
        throw new IllegalArgumentException("--sub PLAYER_ID (a number) is required");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("faf-token: " + e.getMessage() + "\n" + LaunchOptions.USAGE);
      return 2;
    }
    String secret = System.getenv(secretEnv);
    if (secret == null || secret.isEmpty()) {
      System.err.println("faf-token: environment variable " + secretEnv + " is not set");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
      JsonObject claims = new JsonObject().put("sub", sub).put("scp", new JsonArray().add("lobby"));
      if (login != null) {
        claims.put("username", login);
      }
      System.out.println(jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(minutes)));
      return 0;
    } finally {
      vertx.close();
    }
  }

  private static String require(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }
}
