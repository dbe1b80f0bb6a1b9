package io.gamebus.codecs.dfhack;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.gamebus.codecs.dfhack.DfhackCodecException.Reason;
import io.gamebus.codecs.dfhack.proto.BasicApiProto;
import io.gamebus.codecs.dfhack.proto.BasicProto;
import io.gamebus.codecs.dfhack.proto.CoreProtocolProto;
import io.gamebus.codecs.dfhack.proto.rfr.RemoteFortressReaderProto;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The message types the codec knows, by fully qualified protobuf name ({@code dfproto.EmptyMessage},
 * {@code RemoteFortressReader.SingleBool}): every message of CoreProtocol.proto, Basic.proto,
 * BasicApi.proto and our part of RemoteFortressReader.proto, nested ones included
 * ({@code dfproto.BasicMaterialInfo.Product}).
 *
 * <p>JSON form: field names exactly as in the .proto, enums by name, only fields that are set
 * (proto2 defaults are left out), 32-bit unsigned values as non-negative numbers. None of these
 * types has a 64-bit field. Unknown types travel as {@code {"bytes": "<base64>"}}. It is the form
 * protobuf-java-util's {@code JsonFormat} gives with proto field names; {@link ProtoJson} produces
 * it directly, as this is on the path of every call (see there for what input is accepted).
 */
public final class DfhackTypes {

  /** Key of the JSON form of a payload whose type is unknown. */
  public static final String BYTES = "bytes";

  private static final Map<String, Message> BY_NAME = registry(CoreProtocolProto.getDescriptor(),
      BasicProto.getDescriptor(), BasicApiProto.getDescriptor(), RemoteFortressReaderProto.getDescriptor());
  private DfhackTypes() {}

  /** Whether {@code fullName} is a known message type. */
  public static boolean known(String fullName) {
    return BY_NAME.containsKey(fullName);
  }

  /** Every known fully qualified name (for the tests that walk the whole schema). */
  static Set<String> knownTypes() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }

  /** The default instance of a known type. */
  public static Optional<Message> defaultInstance(String fullName) {
    return Optional.ofNullable(BY_NAME.get(fullName));
  }

  /**
   * Decodes a payload. Strings are not checked for UTF-8 (the server does not check them either).
   *
   * @throws DfhackCodecException {@link Reason#UNKNOWN_TYPE}, or {@link Reason#UNDECODABLE} for bad
   *     bytes or a missing required field
   */
  public static Message parse(String fullName, Buffer payload) throws DfhackCodecException {
    Message prototype = require(fullName);
    // Buffer has no public zero-copy array access; one copy, then protobuf's fastest input path.
    return parse(prototype, fullName, payload.getBytes());
  }

  /** Array form of {@link #parse(String, Buffer)}. */
  public static Message parse(String fullName, byte[] payload, int offset, int length) throws DfhackCodecException {
    Message prototype = require(fullName);
    try {
      return prototype.getParserForType().parseFrom(payload, offset, length);
    } catch (InvalidProtocolBufferException e) {
      throw undecodable(fullName, e);
    }
  }

  /** The JSON form of a message (see the class comment). */
  public static JsonObject toJson(Message message) {
    return ProtoJson.toJson(message);
  }

  /**
   * The JSON form of a payload; for an unknown type {@code {"bytes": "<base64>"}}.
   *
   * @throws DfhackCodecException {@link Reason#UNDECODABLE} if a known type does not decode
   */
  public static JsonObject toJson(String fullName, Buffer payload) throws DfhackCodecException {
    if (!known(fullName)) {
      return new JsonObject().put(BYTES, Base64.getEncoder().encodeToString(payload.getBytes()));
    }
    return toJson(parse(fullName, payload));
  }

  /**
   * A message from its JSON form. Field names may be the .proto names or protobuf's lowerCamel
   * JSON names; unknown names are refused.
   *
   * @throws DfhackCodecException {@link Reason#UNKNOWN_TYPE}, or {@link Reason#UNDECODABLE} naming
   *     the bad field or the missing required fields
   */
  public static Message fromJson(String fullName, JsonObject json) throws DfhackCodecException {
    Message.Builder builder = require(fullName).newBuilderForType();
    try {
      ProtoJson.merge(json, builder);
    } catch (RuntimeException e) {
      // Not expected (ProtoJson checks every value), but input from the bus must never escape as a crash.
      throw new DfhackCodecException(Reason.UNDECODABLE, fullName + ": " + e, e);
    }
    if (!builder.isInitialized()) {
      // Paths included: "value[0].pos_x".
      throw new DfhackCodecException(Reason.UNDECODABLE,
          fullName + ": missing required fields: " + String.join(", ", builder.findInitializationErrors()));
    }
    return builder.buildPartial(); // already checked
  }

  /**
   * Encoded payload from a JSON form: a known type through {@link #fromJson}, an unknown one
   * from {@code {"bytes": "<base64>"}}.
   *
   * @throws DfhackCodecException {@link Reason#UNDECODABLE} for bad JSON or base64;
   *     {@link Reason#UNKNOWN_TYPE} for an unknown type without {@code bytes}
   */
  public static Buffer payloadFromJson(String fullName, JsonObject json) throws DfhackCodecException {
    if (known(fullName)) {
      return Buffer.buffer(fromJson(fullName, json).toByteArray());
    }
    Object bytes = json.getValue(BYTES);
    if (!(bytes instanceof String s)) {
      throw new DfhackCodecException(Reason.UNKNOWN_TYPE, "unknown message type " + fullName
          + " needs {\"" + BYTES + "\": \"<base64>\"}");
    }
    try {
      return Buffer.buffer(Base64.getDecoder().decode(s));
    } catch (IllegalArgumentException e) {
      throw new DfhackCodecException(Reason.UNDECODABLE, fullName + ": bad base64 in " + BYTES, e);
    }
  }

  private static Message parse(Message prototype, String fullName, byte[] bytes) throws DfhackCodecException {
    try {
      return prototype.getParserForType().parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw undecodable(fullName, e);
    }
  }

  private static DfhackCodecException undecodable(String fullName, InvalidProtocolBufferException e) {
    return new DfhackCodecException(Reason.UNDECODABLE, fullName + ": " + e.getMessage(), e);
  }

  private static Message require(String fullName) throws DfhackCodecException {
    Message m = BY_NAME.get(fullName);
    if (m == null) {
      throw new DfhackCodecException(Reason.UNKNOWN_TYPE, "unknown message type " + fullName);
    }
    return m;
  }

  private static Map<String, Message> registry(FileDescriptor... files) {
    Map<String, Message> map = new HashMap<>();
    for (FileDescriptor file : files) {
      for (Descriptor d : file.getMessageTypes()) {
        register(map, d, file.getOptions().getJavaPackage() + "." + d.getName());
      }
    }
    return Map.copyOf(map);
  }

  // Generated class names follow from java_package + java_multiple_files: pkg.Outer$Nested.
  private static void register(Map<String, Message> map, Descriptor d, String className) {
    try {
      Class<? extends Message> type = Class.forName(className).asSubclass(Message.class);
      map.put(d.getFullName(), com.google.protobuf.Internal.getDefaultInstance(type));
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
    for (Descriptor nested : d.getNestedTypes()) {
      register(map, nested, className + "$" + nested.getName());
    }
  }
}
