package io.gamebus.codecs.dfhack;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.gamebus.codecs.dfhack.proto.CoreTextFragment;
import io.gamebus.codecs.dfhack.proto.CoreTextNotification;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Builds whole messages, one new {@link Buffer} each (header and payload together, as the real
 * client sends them in one write). Header: int16 id LE, two zero padding bytes, int32 size LE.
 * Payloads over {@link RpcCodes#MAX_PAYLOAD} are refused with {@link IllegalArgumentException}:
 * check {@code getSerializedSize()} first to answer as the real peers do (§11, §12).
 */
public final class RpcEncoder {

  private RpcEncoder() {}

  /** A call of function {@code id} (0..32767) with its input message. */
  public static Buffer request(int id, MessageLite input) {
    return message(requestId(id), input);
  }

  /** A call of function {@code id} (0..32767) with an already encoded input. */
  public static Buffer request(int id, Buffer payload) {
    return frame(requestId(id), payload);
  }

  /** RESULT (-1) with the output message. */
  public static Buffer result(MessageLite output) {
    return message(RpcCodes.RESULT, output);
  }

  /** RESULT (-1) with an already encoded output (empty for {@code EmptyMessage}). */
  public static Buffer result(Buffer payload) {
    return frame(RpcCodes.RESULT, payload);
  }

  /**
   * FAIL (-2): the code in the size field, no payload. Any int is written as is; the real server
   * never sends 0 ({@code CR_OK}), which the real client turns into {@code CR_FAILURE}.
   */
  public static Buffer fail(int code) {
    return header(RpcCodes.FAIL, code, 0);
  }

  /** FAIL with a {@link CommandResult}. */
  public static Buffer fail(CommandResult result) {
    return fail(result.code());
  }

  /** TEXT (-3) with a notification. */
  public static Buffer text(CoreTextNotification notification) {
    return message(RpcCodes.TEXT, notification);
  }

  /**
   * TEXT (-3) with one fragment.
   *
   * @param color 0..15, or null or {@link TextColor#COLOR_RESET} for the default colour, which
   *     the real server expresses by leaving the colour out
   */
  public static Buffer text(String text, Integer color) {
    return text(CoreTextNotification.newBuilder().addFragments(fragment(text, color)).build());
  }

  /** One text fragment, colour handled as in {@link #text(String, Integer)}. */
  private static CoreTextFragment fragment(String text, Integer color) {
    CoreTextFragment.Builder b = CoreTextFragment.newBuilder().setText(Objects.requireNonNull(text, "text"));
    if (color != null && color != TextColor.COLOR_RESET) {
      CoreTextFragment.Color c = CoreTextFragment.Color.forNumber(color);
      if (c == null) {
        throw new IllegalArgumentException("no such colour: " + color);
      }
      b.setColor(c);
    }
    return b.build();
  }

  /** QUIT (-4) with size 0. */
  public static Buffer quit() {
    return header(RpcCodes.QUIT, 0, 0);
  }

  /** Any id (-32768..32767) with a payload; for codes without a helper and for tests. */
  public static Buffer frame(int id, Buffer payload) {
    int size = checkSize(payload.length());
    return header(checkShort(id), size, size).appendBuffer(payload);
  }

  private static Buffer message(int id, MessageLite message) {
    int size = checkSize(message.getSerializedSize());
    byte[] bytes = new byte[RpcCodes.HEADER_LENGTH + size];
    writeHeader(bytes, id, size);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, RpcCodes.HEADER_LENGTH, size);
    try {
      message.writeTo(out);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      // Only possible if the message changed size while being written.
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(bytes);
  }

  private static Buffer header(int id, int size, int payloadCapacity) {
    return Buffer.buffer(RpcCodes.HEADER_LENGTH + payloadCapacity)
        .appendShortLE((short) id)
        .appendShort((short) 0) // padding, zero on output
        .appendIntLE(size);
  }

  private static void writeHeader(byte[] b, int id, int size) {
    b[0] = (byte) id;
    b[1] = (byte) (id >> 8);
    // b[2], b[3]: padding, zero on output.
    b[4] = (byte) size;
    b[5] = (byte) (size >> 8);
    b[6] = (byte) (size >> 16);
    b[7] = (byte) (size >> 24);
  }

  private static int requestId(int id) {
    if (id < 0 || id > Short.MAX_VALUE) {
      throw new IllegalArgumentException("function id must be 0.." + Short.MAX_VALUE + ": " + id);
    }
    return id;
  }

  private static int checkShort(int id) {
    if (id < Short.MIN_VALUE || id > Short.MAX_VALUE) {
      throw new IllegalArgumentException("id must fit in int16: " + id);
    }
    return id;
  }

  private static int checkSize(int size) {
    if (size > RpcCodes.MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload of " + size + " bytes exceeds " + RpcCodes.MAX_PAYLOAD);
    }
    return size;
  }
}
