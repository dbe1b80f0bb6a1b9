package io.gamebus.metrics;

import io.gamebus.endpoint.EndpointRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health/live} and {@code GET /health/ready} ({@code /health} is the latter), in the
 * MicroProfile Health shape: {@code {"status": "UP"|"DOWN", "checks": [{"name", "status", "data"}]}},
 * 200 when UP, 503 when DOWN.
 * <ul>
 *   <li>Live: the console's event loop answered; nothing else is asked (a restart would not help
 *       an endpoint whose game server is down).</li>
 *   <li>Ready: every endpoint of this node is usable: a server endpoint is {@code listening}; a
 *       client endpoint is {@code connected} (link up, handshake done), so one that is
 *       connecting, reconnecting or failed is not ready, with the reason, and so is one connected
 *       but not logged in (a listing with {@code "authenticated": false}, FAF). Clustered: the cluster's
 *       shared map answers within {@value #CLUSTER_TIMEOUT_MS} ms and lists this node.</li>
 * </ul>
 * Only this node's endpoints count: a load balancer asks each node about itself.
 */
public final class HealthRoute {

  static final long CLUSTER_TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final EndpointRegistry endpoints;

  public HealthRoute(Vertx vertx, EndpointRegistry endpoints) {
    this.vertx = vertx;
    this.endpoints = endpoints;
  }

  public void live(RoutingContext ctx) {
    answer(ctx, new JsonArray().add(check("event-loop", true, new JsonObject().put("node", endpoints.nodeId()))));
  }

  public void ready(RoutingContext ctx) {
    JsonArray checks = new JsonArray();
    for (Object entry : endpoints.listLocal().getJsonArray("endpoints")) {
      checks.add(endpointCheck((JsonObject) entry));
    }
    if (!vertx.isClustered()) {
      answer(ctx, checks);
      return;
    }
    clusterCheck().onComplete(done -> answer(ctx, checks.add(done.result())));
  }

  /** Server role: listening. Client role: connected. Anything else: DOWN, saying which state and why that matters. */
  static JsonObject endpointCheck(JsonObject endpoint) {
    String role = endpoint.getString("role");
    String state = endpoint.getString("state");
    boolean server = "server".equals(role);
    String wanted = server ? "listening" : "connected";
    JsonObject data = new JsonObject().put("node", endpoint.getString("node")).put("protocol", endpoint.getString("protocol"))
      .put("endpoint", endpoint.getString("name")).put("role", role).put("state", state);
    if (server) {
      data.put("listeners", endpoint.getValue("listeners"));
    } else {
      data.put("url", endpoint.getString("url"));
    }
    // A client endpoint that logs in (FAF) lists whether it is logged in: connected is not enough.
    boolean loggedOut = !server && Boolean.FALSE.equals(endpoint.getValue("authenticated"));
    boolean up = wanted.equals(state) && !loggedOut;
    if (loggedOut) {
      data.put("authenticated", false);
    }
    if (!up) {
      data.put("reason", server ? "the server endpoint is " + state + ", not listening"
        : loggedOut && wanted.equals(state) ? "connected to " + endpoint.getString("url")
          + " but not logged in (see its authentication-failed status events)"
        : "the client endpoint is " + state + ", not connected to " + endpoint.getString("url"));
    }
    return check(endpoint.getString("protocol") + "." + endpoint.getString("name"), up, data);
  }

  /** Never fails: a cluster that does not answer is a DOWN check. */
  private Future<JsonObject> clusterCheck() {
    return endpoints.nodeIds().timeout(CLUSTER_TIMEOUT_MS, TimeUnit.MILLISECONDS).transform(done -> {
      JsonObject data = new JsonObject().put("node", endpoints.nodeId());
      if (done.failed()) {
        data.put("reason", "the cluster's shared map did not answer: " + done.cause().getMessage());
        return Future.succeededFuture(check("cluster", false, data));
      }
      List<String> nodes = done.result();
      data.put("nodes", new JsonArray(nodes));
      boolean joined = nodes.contains(endpoints.nodeId());
      if (!joined) {
        data.put("reason", "this node is not in the cluster's list of nodes");
      }
      return Future.succeededFuture(check("cluster", joined, data));
    });
  }

  private static JsonObject check(String name, boolean up, JsonObject data) {
    return new JsonObject().put("name", name).put("status", up ? "UP" : "DOWN").put("data", data);
  }

  private static void answer(RoutingContext ctx, JsonArray checks) {
    boolean up = checks.stream().allMatch(c -> "UP".equals(((JsonObject) c).getString("status")));
    ctx.response().setStatusCode(up ? 200 : 503)
      .putHeader("content-type", "application/json")
      .putHeader("cache-control", "no-store")
      .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", checks).encodePrettily());
  }
}
