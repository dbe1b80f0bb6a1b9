package io.gamebus.metrics;

import io.gamebus.bridge.BridgeCounts;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.EndpointRegistry;
import io.gamebus.endpoint.RunningEndpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /metrics}: this node's figures in Prometheus's text format. The node's endpoints get
 * their meters as they start ({@link EndpointMeters}) and lose them as they stop; the bridge counts
 * as an endpoint ({@code protocol="bridge", endpoint="console"}) and adds its sockets per transport
 * and its refusals per code. Beside them: Vert.x's own metrics and the JVM's, when the instance was
 * built by {@code VertxFactory}; else the JVM's only, in a registry this route owns.
 */
public final class MetricsRoute implements EndpointRegistry.Watcher {

  private final EndpointRegistry endpoints;
  private final PrometheusMeterRegistry registry;
  /** Null when the registry is Vert.x's, which outlives the console. */
  private final PrometheusMeterRegistry owned;
  private final Map<RunningEndpoint, EndpointMeters> bound = new ConcurrentHashMap<>();
  private final EndpointMeters bridge;
  private final List<Meter> bridgeMeters = new ArrayList<>();
  private final Handler<RoutingContext> scrape;

  public MetricsRoute(Vertx vertx, EndpointRegistry endpoints, EndpointBus bridgeBus, BridgeCounts counts) {
    this.endpoints = endpoints;
    PrometheusMeterRegistry registered = NodeMeters.registered(vertx);
    this.owned = registered == null ? NodeMeters.jvmOnly() : null;
    this.registry = registered != null ? registered : owned;
    this.scrape = PrometheusScrapingHandler.create(registry);
    this.bridge = new EndpointMeters(registry, bridgeBus, null);
    String node = bridgeBus.nodeId();
    for (String transport : BridgeCounts.TRANSPORTS) {
      bridgeMeters.add(Gauge.builder("gamebus.bridge.sockets", counts, c -> c.openSockets(transport))
        .description("Browser sockets open now on the bridge, per transport")
        .tags("transport", transport, "node", node).strongReference(true).register(registry));
    }
    for (String code : counts.refusalCodes()) {
      bridgeMeters.add(FunctionCounter.builder("gamebus.bridge.refusals", counts, c -> c.refusals(code))
        .description("err frames the bridge answered with, per code (access_denied, invalid_json, ...)")
        .tags("code", code, "node", node).register(registry));
    }
    endpoints.watch(this);
  }

  /** Serves the scrape: Prometheus text format 0.0.4. */
  public void handle(RoutingContext ctx) {
    scrape.handle(ctx);
  }

  @Override
  public void added(RunningEndpoint endpoint, String role) {
    bound.computeIfAbsent(endpoint, e -> new EndpointMeters(registry, e.bus(), role));
  }

  @Override
  public void removed(RunningEndpoint endpoint) {
    EndpointMeters meters = bound.remove(endpoint);
    if (meters != null) {
      meters.remove();
    }
  }

  /** Removes every meter this route added (the console stops); closes its own registry, if any. */
  public void close() {
    endpoints.unwatch(this);
    // Through removed(): at node stop the endpoints leave on their own event loops at the same
    // time, and whichever takes an entry out of the map is the only one to remove its meters.
    bound.keySet().forEach(this::removed);
    bridge.remove();
    bridgeMeters.forEach(registry::remove);
    bridgeMeters.clear();
    if (owned != null) {
      owned.close();
    }
  }
}
