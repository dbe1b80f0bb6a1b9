package io.gamebus.rpfm;

import io.gamebus.bus.BusError;
import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.rpfm.RpfmCodec;
import io.gamebus.codecs.rpfm.RpfmCodecException;
import io.gamebus.codecs.rpfm.RpfmCommand;
import io.gamebus.codecs.rpfm.RpfmIds;
import io.gamebus.codecs.rpfm.RpfmResponse;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.PendingCalls;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamSession;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * One upstream connection of the client role. The handshake is the server's
 * {@code SessionConnected}, recognised by variant as the real UI does; when it names another
 * session than the one asked for, the old one is lost ({@code session-lost}). Every response is
 * published and matched to its request by id ({@link PendingCalls#byId}); a response that cannot
 * be decoded fails its request with 502 when its id is readable. An {@code Error} saying the
 * session's loop is gone (the real server's 300 s timer ends resumed sessions) drops the link, so
 * the next connection starts a fresh session.
 */
final class RpfmClientSession implements UpstreamSession<RpfmClientSession.Inbound> {

  /** One inbound text frame: a response, or why it could not be decoded. */
  record Inbound(RpfmResponse response, RpfmCodecException error) {
  }

  private final String id;
  private final Wire wire;
  private final EndpointBus bus;
  private final RpfmCodec codec;
  private final Long requested;
  private final LongConsumer onSession;
  private final LongSupplier ids;
  private final Runnable proven;
  private final PendingCalls<RpfmCommand, RpfmResponse> calls;
  private final Promise<Void> greeted = Promise.promise();
  // Read by the gamebus.endpoints listing from another thread.
  private volatile long session = -1;
  private boolean closed;

  /**
   * @param requested the session asked for in the URL, or null
   * @param onSession told the session id the server handed out
   * @param ids       request ids, unique for the endpoint's life
   */
  RpfmClientSession(String id, Wire wire, EndpointBus bus, RpfmCodec codec, Timers timers, long timeoutMs,
                    Long requested, LongConsumer onSession, LongSupplier ids, Runnable proven) {
    this.id = id;
    this.wire = wire;
    this.bus = bus;
    this.codec = codec;
    this.requested = requested;
    this.onSession = onSession;
    this.ids = ids;
    this.proven = proven;
    this.calls = PendingCalls.byId(timers, timeoutMs);
  }

  String id() { return id; }
  Long session() { return session < 0 ? null : session; }
  int inFlight() { return calls.size(); }

  @Override
  public Future<Void> handshake() {
    return greeted.future();
  }

  @Override
  public void received(Inbound inbound) {
    if (inbound.error() != null) {
      RpfmCodecException e = inbound.error();
      bus.badInput(id, "undecodable response: " + e.getMessage());
      if (e.id() != null) {
        calls.fail(e.id(), BusError.BAD_REPLY.exception("the server's response is undecodable: " + e.getMessage()));
      }
      return;
    }
    RpfmResponse response = inbound.response();
    JsonObject published = response.toBus().put("id", RpfmIds.toJson(response.id()));
    if (session >= 0) {
      published.put("session", session);
    }
    bus.publish(id, response.variant(), published);
    if ("SessionConnected".equals(response.variant())) {
      greet(response);
    } else if (response.isError() && response.errorText().startsWith(RpfmServerConnection.ENDED_TEXT)) {
      bus.status(id, StatusEvent.SESSION_LOST, "the server ended session " + session + "; reconnecting for a new one",
        new JsonObject().put("session", session));
      onSession.accept(-1);
      calls.fail(response.id(), BusError.NOT_CONNECTED.exception(response.errorText()));
      wire.close();
    } else {
      calls.complete(response.id(), response); // an unknown id: timed out already; published anyway
    }
  }

  private void greet(RpfmResponse connected) {
    if (!(connected.value() instanceof Number number)) {
      bus.badInput(id, "SessionConnected without a session id");
      return;
    }
    session = number.longValue();
    if (requested != null && requested != session) {
      bus.status(id, StatusEvent.SESSION_LOST, "asked for session " + Long.toUnsignedString(requested)
        + ", the server handed out " + Long.toUnsignedString(session) + ": the old session's state is gone",
        new JsonObject().put("session", session).put("requested", requested));
    }
    onSession.accept(session);
    proven.run();
    greeted.tryComplete();
  }

  /** Sends one command with a fresh id; the future is its response (an {@code Error} included). */
  Future<RpfmResponse> call(RpfmCommand command) {
    RpfmCommand numbered = new RpfmCommand(ids.getAsLong(), command.command(), command.args());
    Outgoing encoded = RpfmBusForm.command(codec, numbered);
    if (encoded.length() > codec.maxBytes()) {
      throw BusError.TOO_LARGE.exception(encoded.length() + " bytes > maxMessageBytes " + codec.maxBytes());
    }
    Future<RpfmResponse> answer = calls.add(numbered.id(), numbered).future();
    wire.send(encoded);
    return answer;
  }

  @Override
  public void closed(String why) {
    closed = true;
    calls.failAll(BusError.NOT_CONNECTED.exception("the connection to the RPFM server closed: " + why));
  }

  /** Says goodbye as the real UI does, without waiting for the racy {@code Success}. */
  @Override
  public Future<Void> shutdown() {
    if (!closed) {
      wire.send(RpfmBusForm.command(codec, new RpfmCommand(ids.getAsLong(), "ClientDisconnecting", null)));
    }
    return wire.close();
  }
}
