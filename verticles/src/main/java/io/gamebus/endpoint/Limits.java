package io.gamebus.endpoint;

import io.gamebus.config.LimitsConfig;

/**
 * The per-connection limits the layer enforces, as plain values (tests build them directly).
 *
 * @param maxPendingWriteBytes queued output at which reading stops; twice this cuts the peer off
 * @param slowConsumerMs how long output may stay over {@code maxPendingWriteBytes}, in ms
 * @param maxBacklogBytes decoded input waiting for its turn at which reading stops, in bytes
 * @param maxMessagesPerSecond 0 for unlimited
 * @param loginTimeoutSeconds 0 for none; only protocols with a login ask for it
 * @param perMessageBytes what one queued message costs besides its own bytes, counted against
 *        both bounds so that many tiny messages cannot hold far more memory than the limits say
 */
public record Limits(int maxPendingWriteBytes, long slowConsumerMs, int maxBacklogBytes,
                     int maxMessagesPerSecond, int loginTimeoutSeconds, int perMessageBytes) {

  /** Pipelined input held while earlier input is answered: 64 KiB, about one socket read. */
  public static final int BACKLOG_BYTES = 64 * 1024;

  /**
   * The heap one queued write costs besides its payload (its promise, listener, buffer wrappers
   * and Netty's outbound entry): about 250 bytes, read from a class histogram of a DFHack server
   * holding 246,000 queued 20-byte answers. Without it a peer that pipelines tiny calls and never
   * reads held about 20 MiB per connection under a 1 MiB {@code maxPendingWriteBytes}.
   */
  public static final int PER_MESSAGE_BYTES = 256;

  public static Limits of(LimitsConfig config) {
    return new Limits(config.maxPendingWriteBytes(), config.slowConsumerSeconds() * 1000L, BACKLOG_BYTES,
      config.maxMessagesPerSecond(), config.loginTimeoutSeconds(), PER_MESSAGE_BYTES);
  }

  /** Output past which a peer is cut off at once: twice {@link #maxPendingWriteBytes}. */
  public long cutOffBytes() {
    return 2L * maxPendingWriteBytes;
  }
}
