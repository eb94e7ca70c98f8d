package io.skillgap.classify;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/** Builds the title classifier from the reference tables' rows (read once on the driver). */
public final class Dictionaries {
  private Dictionaries() {}

  /**
   * @param isco rows of the ISCO-08 table (isco_code, level, ...)
   * @param terms rows of title_terms.csv (term, isco_code, lang)
   * @param esco rows of esco_occupations.csv (esco_uri, esco_label_en, isco08_unit_code, alt_labels_en)
   * @param roles rows of hh_professional_roles.csv (role_id, name_ru, isco_code, weight)
   */
  public static TitleClassifier classifier(List<Row> isco, List<Row> terms, List<Row> esco, List<Row> roles) {
    Set<String> units = isco.stream().filter(r -> "unit".equals(r.getString(1))).map(r -> r.getString(0)).collect(Collectors.toSet());
    TitleClassifier.Builder b = new TitleClassifier.Builder(units);
    for (Row r : esco) {
      String code = r.getString(2);
      b.escoLabel(r.getString(1), code, true);
      if (!r.isNullAt(3)) {
        for (String alt : r.getString(3).split("\\|")) {
          b.escoLabel(alt.trim(), code, false);
        }
      }
    }
    terms.forEach(r -> b.term(r.getString(0), r.getString(1)));
    for (Row r : roles) {
      if (!r.isNullAt(2) && !r.isNullAt(3)) {
        b.role(r.getString(0), r.getString(2), r.getDouble(3));
      }
    }
    return b.build();
  }
}
