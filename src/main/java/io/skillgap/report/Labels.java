package io.skillgap.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Words of the report and the exports in one language, from report/labels_&lt;lang&gt;.properties and
 * report/columns_&lt;lang&gt;.properties (UTF-8). Kazakh falls back to Russian, Russian to English, English to
 * the key itself, so a missing translation shows a word, never a blank.
 */
public final class Labels {
  private final String language;
  private final List<Properties> labels;
  private final List<Properties> columns;

  public Labels(String language) {
    this.language = language;
    List<String> chain = switch (language) {
      case "kk" -> List.of("kk", "ru", "en");
      case "ru" -> List.of("ru", "en");
      default -> List.of("en");
    };
    this.labels = chain.stream().map(l -> load("report/labels_" + l + ".properties")).toList();
    this.columns = chain.stream().map(l -> load("report/columns_" + l + ".properties")).toList();
  }

  public String language() {
    return language;
  }

  /** The text of {@code key}, with {0}, {1}... filled in. */
  public String t(String key, Object... args) {
    for (Properties p : labels) {
      String v = p.getProperty(key);
      if (v != null) {
        // Whole numbers are years and counts here: no digit grouping ("2025", not "2,025").
        Object[] plain = java.util.Arrays.stream(args).map(a -> a instanceof Integer || a instanceof Long ? String.valueOf(a) : a).toArray();
        return args.length == 0 ? v : new MessageFormat(v, Locale.ROOT).format(plain);
      }
    }
    return key;
  }

  /** A column's header: its translation, else the name with spaces for underscores. */
  public String column(String name) {
    for (Properties p : columns) {
      String v = p.getProperty(name);
      if (v != null) {
        return v;
      }
    }
    return name.replace('_', ' ');
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in != null) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
