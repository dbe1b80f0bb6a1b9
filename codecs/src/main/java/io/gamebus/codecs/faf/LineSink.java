package io.gamebus.codecs.faf;

/** Receives one framed line as a range of an array that is only valid during the call. */
@FunctionalInterface
interface LineSink {
  void line(byte[] bytes, int offset, int length) throws FafCodecException;
}
