package io.gamebus.rpfm;

import io.gamebus.endpoint.HandlerCalls;
import io.gamebus.endpoint.ServerSessions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP side of the server role, as the real server's axum routes answer it:
 * <ul>
 *   <li>{@code GET /version}: {@code {"version":"5.0.6","pid":<pid>}} with {@code Content-Length}
 *       and {@code Connection: close}. The real UI's probe parses no chunked body and kills the
 *       port's holder unless the version is its own; it waits for the close.</li>
 *   <li>{@code GET /sessions}: the real {@code SessionInfo} array; {@code pack_names} come from
 *       the session's {@code ListOpenPacks} handler, when there is one.</li>
 *   <li>the upgrade at {@code /ws}: a {@code session_id} that is not a u64 is refused with 400
 *       before the upgrade, like axum's query extractor does.</li>
 * </ul>
 */
final class RpfmHttp {

  /** How long {@code /sessions} waits for each session's {@code ListOpenPacks} handler. */
  private static final long PACK_NAMES_TIMEOUT_MS = 2_000;

  private final RpfmServerEndpoint endpoint;

  RpfmHttp(RpfmServerEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  void routes(Router router) {
    router.get("/version").handler(this::version);
    router.get("/sessions").handler(this::sessions);
  }

  private void version(RoutingContext ctx) {
    String body = new JsonObject().put("version", endpoint.options().version())
      .put("pid", ProcessHandle.current().pid()).encode();
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Connection", "close").end(body);
  }

  private void sessions(RoutingContext ctx) {
    List<ServerSessions.Session<Void>> all = endpoint.sessions().all();
    List<Future<JsonObject>> infos = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (ServerSessions.Session<Void> session : all) {
      JsonObject info = new JsonObject().put("session_id", session.id())
        .put("connection_count", session.connections())
        .put("timeout_remaining_secs", session.graceRemainingSeconds(endpoint.sessions().graceMs(), now))
        .put("is_shutting_down", false);
      infos.add(packNames(session.id()).map(names -> info.put("pack_names", names)));
    }
    Future.all(infos).onComplete(done -> {
      JsonArray array = new JsonArray();
      infos.forEach(f -> array.add(f.result()));
      ctx.response().putHeader("Content-Type", "application/json").end(array.encode());
    });
  }

  /** The keys of the session's open packs, as its {@code ListOpenPacks} handler lists them; [] without one. */
  private Future<JsonArray> packNames(long session) {
    JsonObject body = new JsonObject().put("command", "ListOpenPacks").put("session", session).put("id", 0)
      .put("node", endpoint.bus().nodeId());
    return endpoint.calls().ask(null, "ListOpenPacks", body, PACK_NAMES_TIMEOUT_MS).map(outcome -> {
      JsonArray names = new JsonArray();
      if (outcome instanceof HandlerCalls.Answered<JsonObject> answered
        && answered.value().getValue("value") instanceof JsonArray packs) {
        for (Object pack : packs) {
          if (pack instanceof JsonArray pair && !pair.isEmpty() && pair.getValue(0) instanceof String key) {
            names.add(key);
          }
        }
      }
      return names;
    });
  }

  /** Neither a route nor an upgrade: what axum answers. */
  static void notFound(HttpServerRequest request) {
    if ("/ws".equals(request.path())) {
      request.response().setStatusCode(400).end("Connection header did not include 'upgrade'");
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  /** 400 for a {@code session_id} that is not a u64 (or given twice), else null: accept. */
  static Integer checkUpgrade(String query) {
    try {
      sessionId(query);
      return null;
    } catch (IllegalArgumentException e) {
      return 400;
    }
  }

  /** The session an accepted upgrade asked for, or null. */
  static Long requestedSession(String uri) {
    int q = uri == null ? -1 : uri.indexOf('?');
    return q < 0 ? null : sessionId(uri.substring(q + 1));
  }

  /** {@code session_id} of a query string; null when absent; IllegalArgumentException when not one u64. */
  static Long sessionId(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    Long found = null;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (!"session_id".equals(key)) {
        continue;
      }
      if (found != null) {
        throw new IllegalArgumentException("duplicate field `session_id`");
      }
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      found = Long.parseUnsignedLong(value); // NumberFormatException is an IllegalArgumentException
    }
    return found;
  }
}
