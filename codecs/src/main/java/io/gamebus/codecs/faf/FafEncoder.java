package io.gamebus.codecs.faf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Compact encoding as the server's {@code SimpleJsonProtocol} sends it: JSON with separators ','
 * and ':' (no spaces) followed by '\n'. Encode a message once and write the same bytes to every
 * recipient. Non-ASCII text is written as UTF-8 (Python escapes it as \\uXXXX; both parse alike).
 */
public final class FafEncoder {

  private static final JsonFactory FACTORY = new JsonFactory();

  private FafEncoder() {}

  /**
   * The message as compact JSON + '\n', in a new buffer.
   *
   * @throws io.vertx.core.json.EncodeException when a value is not a JSON type
   */
  public static Buffer encode(FafMessage message) {
    JsonObject json = message.json();
    Buffer out = Buffer.buffer(256);
    // Jackson fills its own recycled buffer and copies into `out` once per 8000 bytes.
    try (JsonGenerator g = FACTORY.createGenerator(new BufferOutput(out))) {
      JacksonCodec.encodeJson(json, g); // the same value mapping as JsonObject.encode()
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e); // appending to a heap buffer does not fail
    }
    return out;
  }

  private static final class BufferOutput extends OutputStream {
    private final Buffer buffer;

    BufferOutput(Buffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) {
      buffer.appendByte((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      buffer.appendBytes(b, off, len);
    }
  }
}
