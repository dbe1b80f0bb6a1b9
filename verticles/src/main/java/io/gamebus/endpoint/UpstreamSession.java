package io.gamebus.endpoint;

import io.vertx.core.Future;

/**
 * A protocol's side of one upstream connection: handshake and login logic, what to do with each
 * decoded message, and what to fail when the connection ends. Called on the link's event loop.
 */
public interface UpstreamSession<M> {

  /**
   * The wire is open: send what the protocol sends first. The link announces {@code connected}
   * when the returned future succeeds; if it fails, or does not complete within the handshake
   * timeout, the connection is closed and retried.
   */
  Future<Void> handshake();

  /** One decoded message from the upstream. */
  void received(M message);

  /** The connection ended, whoever ended it: fail whatever still waits on it. */
  void closed(String why);

  /** The endpoint stops: say the protocol's goodbye, if it has one, and close the wire. */
  Future<Void> shutdown();
}
