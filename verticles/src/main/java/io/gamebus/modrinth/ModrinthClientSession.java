package io.gamebus.modrinth;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.modrinth.ModrinthCodecException;
import io.gamebus.codecs.modrinth.ModrinthEvents;
import io.gamebus.codecs.modrinth.ModrinthFrame;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.UpstreamSession;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.function.Supplier;

/**
 * One socket of the client role, as the official client runs it: {@code auth} with the token
 * fetched for this connection, then {@code auth-ok} (the handshake, bounded by
 * {@code authTimeoutMs}); on {@code auth-expiring} or {@code auth-incorrect} a freshly fetched
 * token is sent in a new {@code auth} on the same socket. When that fetch fails, the socket is
 * closed and the link reconnects with backoff (the official client gives up instead). Every event
 * is published, the {@code jwt} of none ever.
 */
final class ModrinthClientSession implements UpstreamSession<ModrinthClientSession.Inbound> {

  /** One inbound text frame: an event, or why it could not be decoded. */
  record Inbound(ModrinthFrame frame, ModrinthCodecException error) {
  }

  private final String id;
  private final Wire wire;
  private final EndpointBus bus;
  private final String serverId;
  private final String token;
  private final Supplier<Future<String>> freshToken;
  private final Runnable proven;
  private final Promise<Void> authOk = Promise.promise();
  // Read by the gamebus.endpoints listing and by .out from other threads.
  private volatile boolean authenticated;
  private volatile boolean closed;
  private boolean renewing;

  ModrinthClientSession(String id, Wire wire, EndpointBus bus, String serverId, String token,
                        Supplier<Future<String>> freshToken, Runnable proven) {
    this.id = id;
    this.wire = wire;
    this.bus = bus;
    this.serverId = serverId;
    this.token = token;
    this.freshToken = freshToken;
    this.proven = proven;
  }

  String id() { return id; }
  boolean authenticated() { return authenticated && !closed; }

  @Override
  public Future<Void> handshake() {
    wire.send(ModrinthBusForm.outgoing(ModrinthEvents.auth(token)));
    return authOk.future();
  }

  @Override
  public void received(Inbound inbound) {
    if (inbound.error() != null) {
      bus.badInput(id, inbound.error().getMessage()); // the official client logs and drops it too
      return;
    }
    ModrinthFrame frame = inbound.frame();
    bus.publish(id, frame.event(), ModrinthEvents.redacted(frame.json()).put("server", serverId));
    switch (frame.event()) {
      case "auth-ok" -> {
        authenticated = true;
        bus.status(id, StatusEvent.AUTHENTICATED, "server " + serverId);
        proven.run();
        authOk.tryComplete();
      }
      case "auth-incorrect" -> {
        authenticated = false;
        bus.status(id, StatusEvent.AUTHENTICATION_FAILED, "auth-incorrect: fetching a new token");
        renew();
      }
      case "auth-expiring" -> renew();
      default -> { }
    }
  }

  /** A new token for the same socket; at most one fetch at a time. */
  private void renew() {
    if (renewing || closed) {
      return;
    }
    renewing = true;
    freshToken.get().onComplete(fetched -> {
      renewing = false;
      if (closed) {
        return;
      }
      if (fetched.succeeded()) {
        wire.send(ModrinthBusForm.outgoing(ModrinthEvents.auth(fetched.result())));
      } else {
        bus.status(id, StatusEvent.FAILED, "token renewal failed: " + fetched.cause().getMessage() + "; reconnecting");
        wire.close();
      }
    });
  }

  /** Writes one validated event (the caller checked it may be sent). */
  void write(JsonObject event) {
    if (!closed) {
      wire.send(ModrinthBusForm.outgoing(event));
    }
  }

  @Override
  public void closed(String why) {
    closed = true;
    authenticated = false;
    authOk.tryFail("closed before auth-ok: " + why);
  }

  /** A deliberate close: 1000, as the official client's disconnect, so a server does not expect a reconnect. */
  @Override
  public Future<Void> shutdown() {
    closed = true;
    return wire.close(1000, "Client disconnecting");
  }
}
