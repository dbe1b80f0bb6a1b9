package io.gamebus.modrinth;

import io.gamebus.endpoint.HandlerCalls;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Archon's REST routes beside the socket:
 * <ul>
 *   <li>{@code GET /modrinth/v0/servers/{id}/ws} → {@code {"url": "ws://…", "token": "<jwt>"}}: a
 *       {@code ws://} URL, which the official client opens as it is (§4).</li>
 *   <li>{@code POST /modrinth/v0/servers/{id}/power} with {@code {"action": "Start"|"Stop"|"Restart"|"Kill"}}:
 *       published on {@code .in} as type {@code power}, then answered 204 once the optional
 *       {@code handle.power} bus handler has answered.</li>
 * </ul>
 * Both need {@code Authorization: Bearer <API token>}: 401 without the right one (and always when no
 * API token is configured), 404 for a server id this endpoint does not host.
 */
final class ModrinthRoutes {

  static final Set<String> POWER_ACTIONS = Set.of("Start", "Stop", "Restart", "Kill");
  private static final int MAX_BODY_BYTES = 4096;

  private final ModrinthServerEndpoint endpoint;
  private final byte[] apiToken;

  /** @param apiToken the token clients must present; null: every request is refused */
  ModrinthRoutes(ModrinthServerEndpoint endpoint, String apiToken) {
    this.endpoint = endpoint;
    this.apiToken = apiToken == null ? null : apiToken.getBytes(StandardCharsets.UTF_8);
  }

  void routes(Router router) {
    router.get("/modrinth/v0/servers/:id/ws").handler(this::checked).handler(this::token);
    // Vert.x wants the body handler first; the body is at most 4 KiB, read before the token check.
    router.post("/modrinth/v0/servers/:id/power").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
      .handler(this::checked).handler(this::power);
  }

  /** Bearer token first, then the server id: an unauthenticated caller learns nothing about ids. */
  private void checked(RoutingContext ctx) {
    if (!authorized(ctx.request().getHeader("Authorization"))) {
      error(ctx, 401, "unauthorized", apiToken == null ? "no API token is configured on this endpoint"
        : "missing or wrong bearer token");
    } else if (!endpoint.options().hosts(ctx.pathParam("id"))) {
      error(ctx, 404, "not_found", "no server " + ctx.pathParam("id") + " here");
    } else {
      ctx.next();
    }
  }

  private boolean authorized(String header) {
    if (apiToken == null || header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    // Constant time: the comparison must not tell how much of a guess was right.
    return MessageDigest.isEqual(apiToken, header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8));
  }

  private void token(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String authority = ctx.request().authority() != null ? ctx.request().authority().toString()
      : ctx.request().localAddress().hostAddress() + ":" + ctx.request().localAddress().port();
    String url = "ws://" + authority + endpoint.socketPath() + "?server=" + id;
    json(ctx, 200, new JsonObject().put("url", url).put("token", endpoint.tokens().mint(id)));
  }

  private void power(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    String action = body == null ? null : body.getValue("action") instanceof String a ? a : null;
    if (action == null || !POWER_ACTIONS.contains(action)) {
      error(ctx, 400, "bad_request", "the body must be {\"action\": \"Start\"|\"Stop\"|\"Restart\"|\"Kill\"}");
      return;
    }
    JsonObject call = new JsonObject().put("server", id).put("action", action);
    endpoint.bus().publish(null, "power", call);
    endpoint.calls().ask(null, "power", call, endpoint.options().powerHandlerTimeoutMs()).onComplete(done -> {
      HandlerCalls.Outcome<JsonObject> outcome = done.result();
      if (outcome instanceof HandlerCalls.Refused<JsonObject> refused) {
        int status = refused.code() >= 400 && refused.code() < 600 ? refused.code() : 500;
        error(ctx, status, "power_refused", refused.text());
      } else if (outcome instanceof HandlerCalls.Failed<JsonObject> failed) {
        error(ctx, 502, "power_failed", "the power handler's " + failed.detail());
      } else {
        ctx.response().setStatusCode(204).end(); // answered, or no handler: accepted
      }
    });
  }

  private static void error(RoutingContext ctx, int status, String error, String description) {
    json(ctx, status, new JsonObject().put("error", error).put("description", description));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
