package io.skillgap.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The records of a JSON Lines file: one object a line. Values are kept as text (numbers as written), so
 * a bad value reaches quarantine instead of failing the read; a line that is not an object is
 * MALFORMED_ROW. hh API vacancy objects are flattened to the fields skillgap reads ({@link #hh});
 * {@code contacts} and addresses are never copied; the snippet and description texts are, for skills only.
 */
final class JsonRecords extends Records {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  /** Everything from a "contacts" key on is cut from a line that is kept as raw text. */
  private static final Pattern CONTACTS = Pattern.compile("\"contacts\"\\s*:\\s*[\\[{].*$", Pattern.DOTALL);

  private final PhysicalLines lines;
  private final LandingSource source;
  private final int maxFieldChars;
  private final Charset fallback;

  JsonRecords(PhysicalLines lines, LandingSource source, int maxFieldChars, Charset fallback) {
    this.lines = lines;
    this.source = source;
    this.maxFieldChars = maxFieldChars;
    this.fallback = fallback;
  }

  @Override
  protected ParsedRecord advance() {
    try {
      int blank = 0;
      while (lines.next()) {
        if (lines.blank()) {
          blank++;
          continue;
        }
        long n = lines.number();
        ParsedRecord r;
        if (lines.oversize()) {
          r = ParsedRecord.fault(n, 1, withoutContacts(lines.lossy()), ParsedRecord.OVERSIZE_ROW);
        } else {
          String text = lines.text(fallback);
          r = text == null ? ParsedRecord.fault(n, 1, withoutContacts(lines.lossy()), ParsedRecord.BAD_ENCODING) : parse(n, text);
        }
        return ParsedRecord.withBlankLinesBefore(r, blank);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ParsedRecord parse(long n, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      node = null;
    }
    String[] values = node == null || !node.isObject() ? null : source.hhObjects() ? hh(node) : canonical(node);
    if (values == null) {
      return ParsedRecord.fault(n, 1, withoutContacts(text), ParsedRecord.MALFORMED_ROW);
    }
    for (String v : values) {
      if (v != null && v.length() > maxFieldChars) {
        return ParsedRecord.fault(n, 1, withoutContacts(text), ParsedRecord.OVERSIZE_FIELD);
      }
    }
    return new ParsedRecord(n, 1, values, null, null);
  }

  /** The source's columns by key (or a known alias); unknown keys are ignored. */
  private String[] canonical(JsonNode o) {
    List<String> columns = source.columns();
    String[] values = new String[columns.size()];
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int slot = columns.indexOf(source.canonicalColumn(e.getKey()));
      if (slot >= 0) {
        values[slot] = textList(e.getValue());
      }
    }
    return values;
  }

  /**
   * An hh vacancy object to the flat columns of an hh source ({@link LandingSource#hhObjects()}). The salary range (which carries the pay
   * period) wins over the older salary object. Null when a structured field has the wrong type.
   */
  static String[] hh(JsonNode o) {
    for (String f : List.of("area", "salary", "salary_range", "employer", "experience", "schedule", "employment", "snippet")) {
      if (!o.path(f).isMissingNode() && !o.get(f).isNull() && !o.get(f).isObject()) {
        return null;
      }
    }
    for (String f : List.of("professional_roles", "key_skills")) {
      if (!o.path(f).isMissingNode() && !o.get(f).isNull() && !o.get(f).isArray()) {
        return null;
      }
    }
    JsonNode range = o.path("salary_range");
    JsonNode salary = o.path("salary");
    return new String[] {
        text(o.get("id")), text(o.get("name")), text(o.path("area").get("id")), text(o.path("area").get("name")),
        first(range.get("from"), salary.get("from")), first(range.get("to"), salary.get("to")),
        first(range.get("currency"), salary.get("currency")), first(range.get("gross"), salary.get("gross")),
        text(range.path("mode").get("id")), text(o.get("published_at")), text(o.path("employer").get("id")),
        joined(o.get("professional_roles"), "id", ","), text(o.path("experience").get("id")), text(o.path("schedule").get("id")),
        text(o.path("employment").get("id")), keySkills(o.get("key_skills")), text(o.path("snippet").get("requirement")),
        text(o.path("snippet").get("responsibility")), text(o.get("description"))};
  }

  /** A key skill that is not an object with a text name: kept as a control character for conform to quarantine (BAD_SKILLS). */
  static final String NOT_A_NAME = "\u0001";

  /** hh key skills, their names joined by "; "; an element without a text name is marked {@link #NOT_A_NAME}. */
  private static String keySkills(JsonNode list) {
    StringBuilder out = new StringBuilder();
    if (list != null && list.isArray()) {
      for (JsonNode e : list) {
        JsonNode name = e.path("name");
        String v = e.isObject() && name.isTextual() ? name.asText().replace(';', ',') : NOT_A_NAME;
        out.append(out.length() == 0 ? "" : "; ").append(v);
      }
    }
    return out.toString();
  }

  private static String first(JsonNode a, JsonNode b) {
    String s = text(a);
    return s != null ? s : text(b);
  }

  /** The non-null {@code field} of each element, joined; empty when there is no list. */
  private static String joined(JsonNode list, String field, String sep) {
    StringBuilder out = new StringBuilder();
    if (list != null && list.isArray()) {
      for (JsonNode e : list) {
        String v = text(e.get(field));
        if (v != null) {
          out.append(out.length() == 0 ? "" : sep).append(v);
        }
      }
    }
    return out.toString();
  }

  /** A list of strings (a {@code skills} list written as JSON) joined with "; " as in CSV; any other value as {@link #text}. */
  private static String textList(JsonNode v) {
    if (v == null || !v.isArray() || v.isEmpty()) {
      return text(v);
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        return text(v);
      }
      out.append(out.length() == 0 ? "" : "; ").append(e.asText().replace(';', ','));
    }
    return out.toString();
  }

  /** A value as text: strings as they are, numbers as written, objects and lists as JSON; null stays null. */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  static String withoutContacts(String line) {
    return line == null ? null : CONTACTS.matcher(line).replaceFirst("\"contacts\": \"(removed)\"");
  }
}
