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
 */
public record Limits(int maxPendingWriteBytes, long slowConsumerMs, int maxBacklogBytes,
                     int maxMessagesPerSecond, int loginTimeoutSeconds) {

  /** Pipelined input held while earlier input is answered: 64 KiB, about one socket read. */
  public static final int BACKLOG_BYTES = 64 * 1024;

  public static Limits of(LimitsConfig config) {
    return new Limits(config.maxPendingWriteBytes(), config.slowConsumerSeconds() * 1000L, BACKLOG_BYTES,
      config.maxMessagesPerSecond(), config.loginTimeoutSeconds());
  }

  /** Output past which a peer is cut off at once: twice {@link #maxPendingWriteBytes}. */
  public long cutOffBytes() {
    return 2L * maxPendingWriteBytes;
  }
}
