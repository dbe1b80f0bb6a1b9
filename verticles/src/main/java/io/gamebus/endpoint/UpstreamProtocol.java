package io.gamebus.endpoint;

/** What a protocol gives the upstream link: a decoder and a session per connection. */
public interface UpstreamProtocol<M, S extends UpstreamSession<M>> {

  /** A fresh decoder for one connection. */
  MessageDecoder<M> decoder();

  /**
   * The session of a newly opened connection. May throw to refuse the attempt (e.g. a token file
   * that cannot be read): the link reports {@code failed} with the exception's message and retries.
   *
   * @param proven call once the connection has proved good (handshake or login done): only then is
   *     the reconnect backoff reset, so a server that accepts and then closes is not hammered
   */
  S session(String connectionId, Wire wire, Runnable proven);
}
