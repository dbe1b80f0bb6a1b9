package io.gamebus.bench;

/**
 * What a latency run needs of its subscribers, whichever client they are: the Vert.x WebSocket
 * client ({@link FanoutSubscribers}) or the bare NIO one ({@link RawSubscribers}).
 */
interface SubscriberGroup extends FanoutPublisher.Progress {

  /** Every subscriber has received at least one message. */
  boolean allReady();

  /** The first frame a subscriber got that was not a message (an {@code err}, say), or null. */
  String firstUnexpected();

  /** Messages received so far, summed over the subscribers. */
  long totalReceived();

  /** Starts timing every {@code every}-th message of each subscriber, dropping earlier samples. */
  void sample(int every);

  /** Stops timing and returns the latencies seen since {@link #sample}. */
  Latency stopSampling();

  /** Closes every subscriber and the client for good. */
  void shutdown() throws Exception;
}
