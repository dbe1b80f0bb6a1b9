package io.gamebus.rpfm;

import io.gamebus.codecs.rpfm.RpfmCodecException;
import io.gamebus.codecs.rpfm.RpfmCommand;
import io.gamebus.codecs.rpfm.RpfmIds;
import io.gamebus.codecs.rpfm.RpfmResponse;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.ServerConnection;
import io.gamebus.endpoint.ServerLink;
import io.gamebus.endpoint.ServerSessions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One WebSocket of the server role, attached to one session: what the real server's socket loop
 * does with each text frame. Every command is published on {@code .in} and answered exactly once
 * with its own id, in whatever order the handlers finish; {@code ClientDisconnecting} and
 * {@code Exit} are answered here as the real server answers them. Bad input is answered as the
 * real server answers it (the deserialize error when a numeric id can be read, nothing otherwise),
 * counted and announced; the connection stays open.
 */
final class RpfmServerConnection implements ServerConnection {

  /** What the real server answers {@code Exit} with: its session loop is gone. */
  static final String EXIT_TEXT = "Session response channel closed unexpectedly";
  /** What the real server answers on a session that has ended under another socket. */
  static final String ENDED_TEXT = "Error in session communication system. Sender failed to send message.: ";

  private final ServerLink link;
  private final RpfmServerEndpoint endpoint;
  private final EndpointBus bus;
  private final ServerSessions.Session<Void> session;
  private final io.gamebus.endpoint.ReadyAnswers<RpfmResponse> answers;
  private int inFlight;

  RpfmServerConnection(ServerLink link, RpfmServerEndpoint endpoint, ServerSessions.Session<Void> session) {
    this.link = link;
    this.endpoint = endpoint;
    this.bus = link.bus();
    this.session = session;
    this.answers = new io.gamebus.endpoint.ReadyAnswers<>(link, this::write);
  }

  @Override public ServerLink link() { return link; }
  long session() { return session.id(); }

  /** The session this socket is attached to, for the connections listing. */
  @Override
  public io.vertx.core.json.JsonObject about() {
    return new io.vertx.core.json.JsonObject().put("session", session.id());
  }

  /** The first frame of every connection, new session or resumed. */
  void greet() {
    write(RpfmResponse.sessionConnected(session.id()));
  }

  /** One whole text message, its bytes checked to be UTF-8 by the layer. */
  @Override
  public void input(Buffer data) {
    if (!link.isClosed() && link.admit()) {
      try {
        handle(endpoint.codec().decodeCommand(data), data.length());
      } catch (RpfmCodecException e) {
        badInput(e);
      }
    }
  }

  @Override
  public void binaryInput(Buffer data) {
    // The real server ignores binary frames without a word; we count and announce them.
    bus.badInput(id(), "binary frame of " + data.length() + " bytes ignored: RPFM reads text frames only");
  }

  private void badInput(RpfmCodecException e) {
    Long id = e.id();
    bus.badInput(id(), e.getMessage() + (id == null ? " (no numeric id: not answered)" : ""));
    if (id != null) {
      answer(RpfmResponse.error(id, e.wireText()));
    }
  }

  /** @param size the command's length on the wire, counted while it waits for its handler */
  private void handle(RpfmCommand command, int size) {
    bus.publish(id(), command.command(), forTheBus(command));
    switch (command.command()) {
      case "ClientDisconnecting" -> {
        // The real server queues Success, ends the session (even with other sockets on it) and drops
        // the socket; unlike it, gamebus flushes the Success first and never exits.
        write(RpfmResponse.success(command.id()));
        endpoint.sessions().end(session, "the client sent ClientDisconnecting");
        link.close();
      }
      case "Exit" -> {
        answer(RpfmResponse.error(command.id(), EXIT_TEXT));
        endpoint.sessions().end(session, "the client sent Exit");
      }
      default -> {
        if (session.ended()) {
          answer(RpfmResponse.error(command.id(), ENDED_TEXT + "session " + session.id() + " has ended"));
        } else {
          callHandler(command, size);
        }
      }
    }
  }

  /**
   * Asks the command's bus handler. What waits for handlers is bounded twice: by count
   * ({@code maxInFlightPerConnection}) and by bytes (the layer's backlog bound, so a few commands of
   * tens of MiB are as bounded as many small ones); past either, reading stops until answers go out.
   */
  private void callHandler(RpfmCommand command, int size) {
    link.queued(size);
    if (++inFlight == endpoint.options().maxInFlightPerConnection()) {
      link.hold();
    }
    endpoint.answer(id(), session.id(), command).onComplete(done -> {
      link.unqueued(size);
      if (inFlight-- == endpoint.options().maxInFlightPerConnection()) {
        link.release();
      }
      answer(done.result());
    });
  }

  /**
   * Writes an answer, or keeps it until the socket's write queue has room: answers to the peer's own
   * pipelined commands are not pushes, so a peer that reads is never cut off for asking several
   * large files at once; one that stops reading is, after {@code slowConsumerSeconds}.
   */
  private void answer(RpfmResponse response) {
    answers.answer(response);
  }

  /** The command as published on {@code .in} and sent to its handler. */
  JsonObject forTheBus(RpfmCommand command) {
    return command.toBus().put("session", session.id()).put("id", RpfmIds.toJson(command.id()));
  }

  void write(RpfmResponse response) {
    link.write(RpfmBusForm.response(endpoint.codec(), response));
  }

  @Override
  public void closed() {
    answers.clear();
    endpoint.sessions().detach(session);
  }
}
