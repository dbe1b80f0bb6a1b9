package io.gamebus.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Local delivery hands subscribers the same {@link Envelope}; a remote node receives the JSON
 * form, encoded once per envelope (see {@link Envelope#encoded()}), as a length-prefixed block.
 */
public final class EnvelopeCodec implements MessageCodec<Envelope, Envelope> {

  public static final String NAME = "gamebus-envelope";

  @Override
  public void encodeToWire(Buffer buffer, Envelope envelope) {
    Buffer json = envelope.encoded();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public Envelope decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return Envelope.fromJson(new JsonObject(buffer.slice(pos + 4, pos + 4 + length)));
  }

  @Override
  public Envelope transform(Envelope envelope) {
    return envelope;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
