package io.gamebus.dfhack;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * DFHack strings are byte strings (dfhack.md §3): the real server never checks their encoding.
 * A string field whose bytes are valid UTF-8 reaches handlers as a JSON string, as before. When
 * its bytes are not UTF-8, the string (decoded leniently, with U+FFFD) stays for readability and
 * the object holding it gets a companion field {@code <field>Bytes} with the exact bytes in
 * standard base64: one string for a single field, an array with every element for a repeated
 * field (so indexes line up). Nested messages carry their own companions. DFHack's field names
 * are snake_case, so a {@code …Bytes} name cannot clash with a real field.
 */
public final class DfhackByteStrings {

  private static final String SUFFIX = "Bytes";

  private DfhackByteStrings() {
  }

  /** The companion field name of a string field. */
  public static String companion(String field) {
    return field + SUFFIX;
  }

  /**
   * Adds the companions of every non-UTF-8 string field of a payload to its JSON form. Costs a
   * scan of the JSON only, unless a string holds U+FFFD (the trace of lenient decoding).
   */
  static void annotate(String fullName, Buffer payload, JsonObject json) {
    if (!hasReplacement(json)) {
      return;
    }
    Descriptor type = DfhackTypes.defaultInstance(fullName).map(Message::getDescriptorForType).orElse(null);
    if (type == null) {
      return;
    }
    try {
      annotate(type, ByteString.copyFrom(payload.getBytes()), json);
    } catch (InvalidProtocolBufferException e) {
      // Unreachable: the payload was just parsed as this type. Without companions the strings stay lenient.
    }
  }

  /** Copies the companions of the named fields, where present. */
  static void copyCompanions(JsonObject from, JsonObject to, String... fields) {
    for (String field : fields) {
      Object bytes = from.getValue(companion(field));
      if (bytes != null) {
        to.put(companion(field), bytes);
      }
    }
  }

  private static void annotate(Descriptor type, ByteString payload, JsonObject json) throws InvalidProtocolBufferException {
    UnknownFieldSet raw = UnknownFieldSet.parseFrom(payload);
    for (FieldDescriptor field : type.getFields()) {
      List<ByteString> values = raw.getField(field.getNumber()).getLengthDelimitedList();
      if (values.isEmpty()) {
        continue;
      }
      if (field.getType() == FieldDescriptor.Type.STRING) {
        if (values.stream().anyMatch(v -> !v.isValidUtf8())) {
          json.put(companion(field.getName()), field.isRepeated() ? base64All(values) : base64(values.get(values.size() - 1)));
        }
      } else if (field.getType() == FieldDescriptor.Type.MESSAGE) {
        Object nested = json.getValue(field.getName());
        for (int i = 0; i < values.size(); i++) {
          // Repeated: one JSON object per occurrence. Single: occurrences merge, later ones win.
          JsonObject target = nested instanceof JsonArray array ? array.getJsonObject(i)
            : nested instanceof JsonObject object ? object : null;
          if (target != null) {
            annotate(field.getMessageType(), values.get(i), target);
          }
        }
      }
    }
  }

  private static JsonArray base64All(List<ByteString> values) {
    JsonArray array = new JsonArray();
    values.forEach(v -> array.add(base64(v)));
    return array;
  }

  private static String base64(ByteString value) {
    return Base64.getEncoder().encodeToString(value.toByteArray());
  }

  private static boolean hasReplacement(Object value) {
    if (value instanceof String s) {
      return s.indexOf('\uFFFD') >= 0;
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        if (hasReplacement(entry.getValue())) {
          return true;
        }
      }
    } else if (value instanceof JsonArray array) {
      for (Object element : array) {
        if (hasReplacement(element)) {
          return true;
        }
      }
    }
    return false;
  }
}
