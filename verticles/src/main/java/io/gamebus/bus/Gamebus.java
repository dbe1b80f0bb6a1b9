package io.gamebus.bus;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * The small Java API for automation verticles: subscribe to an endpoint or one message type,
 * send to a connection, reply to an envelope. Everything here is plain event-bus traffic on the
 * documented addresses, so a verticle on another cluster node or a browser can do the same.
 *
 * <pre>{@code
 * Gamebus bus = Gamebus.of(vertx);
 * bus.subscribe("faf", "lobby", "game_info", env -> log(env.body()));
 * bus.subscribe("faf", "lobby", "ask_session", env -> bus.reply(env, notice));
 * }</pre>
 */
public final class Gamebus {

  /** The delivery header naming the target connection of a {@code .out} message. */
  public static final String CONNECTION_HEADER = "connection";
  public static final String DEFAULT_PREFIX = "gamebus";

  private final EventBus eventBus;
  private final String prefix;

  private Gamebus(Vertx vertx, String prefix) {
    this.eventBus = install(vertx);
    this.prefix = prefix;
  }

  public static Gamebus of(Vertx vertx) {
    return new Gamebus(vertx, DEFAULT_PREFIX);
  }

  public static Gamebus of(Vertx vertx, String prefix) {
    return new Gamebus(vertx, prefix);
  }

  /**
   * Registers the envelope codec on this Vert.x instance once; every node needs it to read
   * envelopes from other nodes.
   */
  public static EventBus install(Vertx vertx) {
    EventBus eventBus = vertx.eventBus();
    synchronized (Gamebus.class) {
      try {
        eventBus.registerDefaultCodec(Envelope.class, new EnvelopeCodec());
      } catch (IllegalStateException alreadyRegistered) {
        // The same Vert.x instance is shared by every endpoint and automation verticle.
      }
    }
    return eventBus;
  }

  public Addresses addresses(String protocol, String endpoint) {
    return new Addresses(prefix, protocol, endpoint);
  }

  /** Every decoded message of an endpoint. */
  public MessageConsumer<Envelope> subscribe(String protocol, String endpoint, Handler<Envelope> handler) {
    return eventBus.consumer(addresses(protocol, endpoint).in(), message -> handler.handle(message.body()));
  }

  /** The decoded messages of one type only (FAF command, or {@code game.<Command>}). */
  public MessageConsumer<Envelope> subscribe(String protocol, String endpoint, String type,
                                             Handler<Envelope> handler) {
    return eventBus.consumer(addresses(protocol, endpoint).in(type), message -> handler.handle(message.body()));
  }

  /** Lifecycle events of an endpoint. */
  public MessageConsumer<JsonObject> statuses(String protocol, String endpoint, Handler<JsonObject> handler) {
    return eventBus.consumer(addresses(protocol, endpoint).status(), message -> handler.handle(message.body()));
  }

  /**
   * Writes a message to one connection, wherever in the cluster it lives. Completes with the
   * endpoint's acknowledgement ({@code {"written":1}}) or fails with a {@link BusError}.
   */
  public Future<JsonObject> send(String protocol, String endpoint, String connection, JsonObject message) {
    DeliveryOptions options = new DeliveryOptions().addHeader(CONNECTION_HEADER, connection);
    return eventBus.<JsonObject>request(addresses(protocol, endpoint).out(), message, options)
      .map(reply -> reply.body());
  }

  /** Writes a message to every connection of the endpoint (client role: to the upstream server). */
  public Future<JsonObject> broadcast(String protocol, String endpoint, JsonObject message) {
    return eventBus.<JsonObject>request(addresses(protocol, endpoint).out(), message).map(reply -> reply.body());
  }

  /** Writes a message back to the connection an envelope came from. */
  public Future<JsonObject> reply(Envelope to, JsonObject message) {
    if (to.connection() == null) {
      return broadcast(to.protocol(), to.endpoint(), message);
    }
    return send(to.protocol(), to.endpoint(), to.connection(), message);
  }
}
