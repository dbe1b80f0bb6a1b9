package io.gamebus.bus;

import io.gamebus.endpoint.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * The small Java API for automation verticles: subscribe to an endpoint or one message type
 * (what peers sent, or with {@link #subscribeSent} what gamebus wrote to them), send to a connection, reply to an envelope, call an upstream ({@code .request}), answer peers'
 * calls ({@code .handle}), follow lifecycle events. Everything here is plain event-bus traffic on the
 * documented addresses, so a verticle on another cluster node or a browser can do the same.
 *
 * <pre>{@code
 * Gamebus bus = Gamebus.of(vertx);
 * bus.subscribe("faf", "lobby", "game_info", env -> log(env.body()));
 * bus.subscribe("faf", "lobby", "ask_session", env -> bus.reply(env, notice));
 * bus.subscribeSent("faf", "lobby", "welcome", env -> log(env.connection(), env.body()));
 * bus.handle("faf", "lobby", "login", call -> Future.succeededFuture(sequence));
 * bus.request("dfhack", "remote", new JsonObject().put("method", "GetVersion")).onSuccess(...);
 * }</pre>
 */
public final class Gamebus {

  /** The delivery header naming the target connection of a {@code .out} message. */
  public static final String CONNECTION_HEADER = "connection";
  public static final String DEFAULT_PREFIX = "gamebus";

  private final EventBus eventBus;
  private final String prefix;
  private final HandlerRegistry registry;

  private Gamebus(Vertx vertx, String prefix) {
    this.eventBus = install(vertx);
    this.prefix = prefix;
    this.registry = new HandlerRegistry(vertx);
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

  /**
   * Every message the endpoint wrote to a peer ({@code .sent}): the same envelope as {@code .in},
   * its {@code seq} from the same counter, so merging both shows the conversation in order. A
   * broadcast comes once, with no connection and {@link Envelope#recipients()}.
   */
  public MessageConsumer<Envelope> subscribeSent(String protocol, String endpoint, Handler<Envelope> handler) {
    return eventBus.consumer(addresses(protocol, endpoint).sent(), message -> handler.handle(message.body()));
  }

  /** The written messages of one type only ({@code .sent.<type>}). */
  public MessageConsumer<Envelope> subscribeSent(String protocol, String endpoint, String type,
                                                 Handler<Envelope> handler) {
    return eventBus.consumer(addresses(protocol, endpoint).sent(type), message -> handler.handle(message.body()));
  }

  /** Lifecycle events of an endpoint, as the JSON published on {@code .status}. */
  public MessageConsumer<JsonObject> statuses(String protocol, String endpoint, Handler<JsonObject> handler) {
    return eventBus.consumer(addresses(protocol, endpoint).status(), message -> handler.handle(message.body()));
  }

  /** Lifecycle events of an endpoint, typed: {@code status.event() == StatusEvent.CONNECTED}. */
  public MessageConsumer<JsonObject> statusEvents(String protocol, String endpoint, Handler<Status> handler) {
    return eventBus.consumer(addresses(protocol, endpoint).status(), message -> handler.handle(Status.fromJson(message.body())));
  }

  /**
   * Writes a message to one connection, wherever in the cluster it lives. Completes with the
   * endpoint's acknowledgement ({@code {"written":1}}) or fails with a {@link BusError}
   * ({@link BusError#NO_ENDPOINT} when no node runs that endpoint).
   */
  public Future<JsonObject> send(String protocol, String endpoint, String connection, JsonObject message) {
    DeliveryOptions options = new DeliveryOptions().addHeader(CONNECTION_HEADER, connection);
    return ask(addresses(protocol, endpoint).out(), message, options);
  }

  /** Writes a message to every connection of the endpoint (client role: to the upstream server). */
  public Future<JsonObject> broadcast(String protocol, String endpoint, JsonObject message) {
    return ask(addresses(protocol, endpoint).out(), message, new DeliveryOptions());
  }

  /**
   * Client role: a call to the upstream peer on {@code .request}; completes with the decoded
   * response or fails with a {@link BusError} (e.g. {@link BusError#TIMEOUT},
   * {@link BusError#NOT_CONNECTED}, {@link BusError#NO_ENDPOINT}). The body is the protocol's
   * request form (DFHack: {@code {method, plugin?, input}} or {@code {command, arguments}}).
   */
  public Future<JsonObject> request(String protocol, String endpoint, JsonObject body) {
    return ask(addresses(protocol, endpoint).request(), body, new DeliveryOptions());
  }

  /**
   * Writes a message back to the connection an envelope came from. Fails with
   * {@link BusError#BAD_MESSAGE} for an envelope without a connection (an endpoint-level
   * message): use {@link #broadcast} to write to every connection.
   */
  public Future<JsonObject> reply(Envelope to, JsonObject message) {
    if (to.connection() == null) {
      return Future.failedFuture(BusError.BAD_MESSAGE.exception("the envelope of " + to.protocol() + "." + to.endpoint()
        + " '" + to.type() + "' has no connection to reply to; broadcast to write to every connection"));
    }
    return send(to.protocol(), to.endpoint(), to.connection(), message);
  }

  /**
   * Server role: answers the peers' calls named {@code name} on every endpoint of that name in
   * the cluster ({@code <prefix>.<protocol>.<endpoint>.handle.<name>}), recorded in the
   * {@link HandlerRegistry} with {@code meta}. The handler's reply is the JSON answer; a failed
   * future refuses the call (code and message of a {@link io.vertx.core.eventbus.ReplyException},
   * else 1 and the exception's message). Completes once the handler is reachable cluster-wide.
   */
  public Future<HandlerRegistry.Registration> handle(String protocol, String endpoint, String name, JsonObject meta,
                                                     Function<JsonObject, Future<JsonObject>> handler) {
    return registry.handle(addresses(protocol, endpoint), name, meta, handler);
  }

  /** {@link #handle(String, String, String, JsonObject, Function)} with no metadata. */
  public Future<HandlerRegistry.Registration> handle(String protocol, String endpoint, String name,
                                                     Function<JsonObject, Future<JsonObject>> handler) {
    return handle(protocol, endpoint, name, new JsonObject(), handler);
  }

  /** Vert.x's raw "No handlers for address" becomes {@link BusError#NO_ENDPOINT} with a clear message. */
  private Future<JsonObject> ask(String address, JsonObject body, DeliveryOptions options) {
    return eventBus.<JsonObject>request(address, body, options).transform(done -> {
      if (done.succeeded()) {
        return Future.succeededFuture(done.result().body());
      }
      if (done.cause() instanceof ReplyException e && e.failureType() == ReplyFailure.NO_HANDLERS) {
        return Future.failedFuture(BusError.NO_ENDPOINT.exception("no node runs an endpoint answering " + address));
      }
      return Future.failedFuture(done.cause());
    });
  }
}
