package io.gamebus.metrics;

import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.EndpointMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one endpoint, labelled {@code protocol}, {@code endpoint}, {@code node} only. The
 * counters and gauges read {@link EndpointMetrics} when scraped (nothing is counted twice); the
 * role's call timer ({@code .request} for a client endpoint, handler calls for a server endpoint)
 * is plugged into it ({@link EndpointMetrics#timeCalls}) and costs one {@code System.nanoTime()}
 * pair and one {@link Timer#record} per call.
 */
final class EndpointMeters {

  /** The outcomes a {@code .request} ends with (RequestChannel). */
  static final List<String> REQUEST_OUTCOMES = List.of("ok", "error");
  /** The outcomes of a call to a bus handler (HandlerCalls). */
  static final List<String> HANDLER_OUTCOMES = List.of("answered", "no_handler", "refused", "failed");
  /** Histogram buckets of the call timers: wide enough for a local handler and a slow game server. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};

  private final MeterRegistry registry;
  private final EndpointMetrics metrics;
  private final List<Meter> meters = new ArrayList<>();

  /** @param role {@code client}, {@code server}, or null (the bridge: no call timers) */
  EndpointMeters(MeterRegistry registry, EndpointBus bus, String role) {
    this.registry = registry;
    this.metrics = bus.metrics();
    Tags tags = Tags.of("protocol", bus.protocol(), "endpoint", bus.endpoint(), "node", bus.nodeId());
    gauge("gamebus.connections.open", null, "Connections open now (server role: peers; client role: the upstream link)", tags,
      EndpointMetrics::openConnections);
    counter("gamebus.connections.opened", "Connections opened since start", tags, EndpointMetrics::connectionsOpened);
    counter("gamebus.connections.refused", "Connections closed at accept: a connection limit was reached", tags,
      EndpointMetrics::refusedConnections);
    counter("gamebus.messages.in", "Messages decoded from the wire (bridge: frames from browsers)", tags,
      EndpointMetrics::messagesIn);
    counter("gamebus.messages.out", "Messages written to peers (bridge: bus messages delivered to browsers, one per browser)",
      tags, EndpointMetrics::messagesOut);
    counter("gamebus.bad.input", "Inputs the protocol does not allow", tags, EndpointMetrics::badInputs);
    counter("gamebus.slow.consumers", "Peers cut off (or, bridge drop policy, skipped) for not reading what was written", tags,
      EndpointMetrics::slowConsumers);
    gauge("gamebus.pending.write", "bytes", "Output queued for peers and not yet handed to the OS", tags,
      EndpointMetrics::pendingWriteBytes);
    gauge("gamebus.backlog", "bytes", "Decoded input waiting for its turn", tags, EndpointMetrics::backlogBytes);
    // Only the role's own calls: a client endpoint answers .request, a server endpoint asks handlers.
    if ("client".equals(role)) {
      metrics.timeCalls(timers("gamebus.request", "Client role: .request calls, from arrival to reply or failure",
        tags, REQUEST_OUTCOMES), EndpointMetrics.CallTimer.NONE);
    } else if ("server".equals(role)) {
      metrics.timeCalls(EndpointMetrics.CallTimer.NONE, timers("gamebus.handler.call",
        "Server role: calls to .handle.<name> bus handlers, from asking to the outcome", tags, HANDLER_OUTCOMES));
    }
  }

  private void gauge(String name, String unit, String help, Tags tags, ToDoubleFunction<EndpointMetrics> value) {
    meters.add(Gauge.builder(name, metrics, value).baseUnit(unit).description(help).tags(tags)
      .strongReference(true).register(registry));
  }

  private void counter(String name, String help, Tags tags, ToDoubleFunction<EndpointMetrics> value) {
    meters.add(FunctionCounter.builder(name, metrics, value).description(help).tags(tags).register(registry));
  }

  /** One timer per outcome, made now, so that recording is a map lookup and nothing else. */
  private EndpointMetrics.CallTimer timers(String name, String help, Tags tags, List<String> outcomes) {
    Map<String, Timer> byOutcome = new HashMap<>();
    for (String outcome : outcomes) {
      Timer timer = Timer.builder(name).description(help).tags(tags).tag("outcome", outcome)
        .serviceLevelObjectives(BUCKETS).register(registry);
      meters.add(timer);
      byOutcome.put(outcome, timer);
    }
    return (outcome, nanos) -> {
      Timer timer = byOutcome.get(outcome);
      if (timer != null) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
      }
    };
  }

  /** Removes the meters (the endpoint stopped) and unplugs the timers. */
  void remove() {
    metrics.timeCalls(EndpointMetrics.CallTimer.NONE, EndpointMetrics.CallTimer.NONE);
    meters.forEach(registry::remove);
    meters.clear();
  }
}
