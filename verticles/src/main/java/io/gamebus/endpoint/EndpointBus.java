package io.gamebus.endpoint;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.bus.StatusEvent;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One endpoint's side of the bus contract: wraps each decoded message in an {@link Envelope}
 * (one per message, shared by all subscribers), publishes it on {@code .in} and
 * {@code .in.<type>}, each message written to a peer on {@code .sent} and {@code .sent.<type>},
 * and lifecycle events on {@code .status}. One {@code seq} counter serves both directions, so
 * their order is visible to a subscriber of both.
 */
public final class EndpointBus {

  /** Types that get their own {@code .in.<type>} address. */
  private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final EventBus eventBus;
  private final String protocol;
  private final String endpoint;
  private final String nodeId;
  private final Addresses addresses;
  private final EndpointMetrics metrics = new EndpointMetrics();
  private final AtomicLong seq = new AtomicLong();
  private final String inAddress;
  private final String sentAddress;
  private volatile String state = "starting";
  private volatile BadInputLog badInputLog;
  private volatile java.util.function.Consumer<String> inboundCounter;
  private volatile StatusLog statusLog;

  public EndpointBus(Vertx vertx, String prefix, String protocol, String endpoint, String nodeId) {
    this.eventBus = Gamebus.install(vertx);
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.nodeId = nodeId;
    this.addresses = new Addresses(prefix, protocol, endpoint);
    this.inAddress = addresses.in();
    this.sentAddress = addresses.sent();
  }

  public Addresses addresses() { return addresses; }
  public EndpointMetrics metrics() { return metrics; }
  public String protocol() { return protocol; }
  public String endpoint() { return endpoint; }
  public String nodeId() { return nodeId; }
  public String state() { return state; }
  public EventBus eventBus() { return eventBus; }

  /** Publishes one decoded wire message; returns the envelope for callers that need its seq. */
  public Envelope publish(String connection, String type, JsonObject body) {
    metrics.messageIn();
    java.util.function.Consumer<String> counter = inboundCounter;
    if (counter != null && connection != null) {
      counter.accept(connection);
    }
    Envelope envelope = new Envelope(protocol, endpoint, connection, type, seq.incrementAndGet(),
      System.currentTimeMillis(), body);
    eventBus.publish(inAddress, envelope);
    if (TYPE.matcher(type).matches()) {
      // Peers choose type names; odd or huge ones are published on .in only, so a client
      // cannot mint unbounded addresses.
      eventBus.publish(addresses.in(type), envelope);
    }
    return envelope;
  }

  /**
   * Publishes one message written to a peer on {@code .sent} (and {@code .sent.<type>}), with its
   * decoded view; the write itself is the caller's (the layer's links, once queued).
   *
   * @param connection the connection it was written to; null for a broadcast
   * @param recipients for a broadcast, how many connections took it; 0 for one connection
   */
  public Envelope sent(String connection, Outgoing message, int recipients) {
    String type = message.type();
    Envelope envelope = new Envelope(protocol, endpoint, connection, type, seq.incrementAndGet(),
      System.currentTimeMillis(), message.body(), recipients);
    eventBus.publish(sentAddress, envelope);
    if (TYPE.matcher(type).matches()) {
      // .out lets bus users pick type names too (e.g. a FAF command): the same bound as .in.
      eventBus.publish(addresses.sent(type), envelope);
    }
    return envelope;
  }

  /**
   * Told the connection of every message {@link #publish}ed, on the endpoint's thread: the
   * per-connection counts of {@code .connections}, kept without a bus delivery per message. Null: none.
   */
  public void countInbound(java.util.function.Consumer<String> counter) {
    this.inboundCounter = counter;
  }

  /** Sets the endpoint state and announces it. */
  public void state(StatusEvent newState, String detail) {
    state = newState.wireName();
    status(null, newState, detail);
  }

  /** Publishes a lifecycle event: {@code {protocol, endpoint, node, connection?, state, ts, detail?}}. */
  public void status(String connection, StatusEvent event, String detail) {
    status(connection, event, detail, null);
  }

  /** {@link #status(String, StatusEvent, String)} with the event's own fields (e.g. {@code session}). */
  public void status(String connection, StatusEvent event, String detail, JsonObject fields) {
    JsonObject status = new JsonObject()
      .put("protocol", protocol)
      .put("endpoint", endpoint)
      .put("node", nodeId)
      .put("state", event.wireName())
      .put("ts", System.currentTimeMillis());
    if (connection != null) {
      status.put("connection", connection);
    }
    if (detail != null) {
      status.put("detail", detail);
    }
    if (fields != null) {
      fields.forEach(field -> status.put(field.getKey(), field.getValue()));
    }
    eventBus.publish(addresses.status(), status);
    statusLog().log(connection, event, detail);
  }

  /** Logs each status event through {@code log} (rate-limited); default: the default levels. */
  public EndpointBus statusLog(StatusLog log) {
    this.statusLog = log;
    return this;
  }

  private StatusLog statusLog() {
    StatusLog log = statusLog;
    if (log == null) {
      log = new StatusLog(protocol + "." + endpoint, io.gamebus.config.LimitsConfig.defaults().statusLogLevels());
      statusLog = log;
    }
    return log;
  }

  /** Logs each bad input through {@code log} (one line each, rate-limited); default: info. */
  public EndpointBus badInputLog(BadInputLog log) {
    this.badInputLog = log;
    return this;
  }

  /** A bad input seen on a connection: counted, announced and logged; the caller decides the answer. */
  public void badInput(String connection, String detail) {
    metrics.badInput();
    BadInputLog log = badInputLog;
    if (log == null) {
      log = new BadInputLog(protocol + "." + endpoint, io.gamebus.config.LimitsConfig.DEFAULT_BAD_INPUT_LOG_LEVEL);
      badInputLog = log;
    }
    log.log(connection, detail);
    status(connection, StatusEvent.BAD_INPUT, detail);
  }
}
