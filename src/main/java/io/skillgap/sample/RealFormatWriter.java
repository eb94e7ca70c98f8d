package io.skillgap.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillgap.sample.SampleCatalog.Region;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The real formats, generated: hh API vacancy objects (JSON Lines, with contacts to be dropped), an
 * Enbek.kz export (Windows-1251, semicolons, Russian headers, NKZ codes, dd.MM.yyyy) and a stat.gov.kz
 * wage table (regions as rows, major groups as columns) for the year before the sample. Each plants a
 * few defects, counted. hh area ids other than Astana (159) and Almaty (160) are made up: those areas
 * resolve by name.
 */
final class RealFormatWriter {
  static final List<String> BAD_HH_KINDS = List.of("MALFORMED_ROW", "PAY_NOT_PERIODIC", "UNKNOWN_REGION");
  static final List<String> BAD_ENBEK_KINDS = List.of("UNKNOWN_NKZ_CODE", "BAD_POSTED_DATE");
  static final List<String> BAD_STAT_KINDS = List.of("REGION_NOT_IN_YEAR", "UNKNOWN_REGION");

  /** Titles as hh employers write them, with the hh professional role they would pick. */
  private static final List<String[]> HH_TITLES = List.of(
      new String[] {"Программист 1С", "96", "2512"}, new String[] {"Senior Java Developer", "96", "2512"},
      new String[] {"Data Scientist", "165", "2120"}, new String[] {"Аналитик данных", "156", "2120"},
      new String[] {"Системный администратор", "113", "2522"}, new String[] {"DevOps-инженер", "160", "2512"},
      new String[] {"Инженер-электроник", "169", "2152"}, new String[] {"Инженер-энергетик", "144", "2151"},
      new String[] {"Геолог", "28", "2114"}, new String[] {"Маркшейдер", "27", "2146"}, new String[] {"Бухгалтер", "18", "2411"},
      new String[] {"Менеджер по продажам", "70", "5223"}, new String[] {"Сварщик", "109", "7212"},
      new String[] {"Водитель категории C", "21", "8332"}, new String[] {"Учитель математики", "132", "2330"},
      new String[] {"Медицинская сестра", "64", "3221"}, new String[] {"Специалист", "40", ""}, new String[] {"Стажер", "113", ""});
  private static final List<String[]> HH_AREAS = List.of(new String[] {"159", "Астана"}, new String[] {"160", "Алматы"},
      new String[] {"900079", "Шымкент"}, new String[] {"900035", "Караганда"}, new String[] {"900023", "Атырау"},
      new String[] {"900055", "Павлодар"}, new String[] {"900063", "Усть-Каменогорск"});
  /** Enbek titles with their NKZ 01-2017 codes (unit group, then a position number). */
  private static final List<String[]> ENBEK_TITLES = List.of(
      new String[] {"Электрогазосварщик", "7212-0-003"}, new String[] {"Учитель начальных классов", "2341-0-001"},
      new String[] {"Инженер-программист", "2512-1-002"}, new String[] {"Горнорабочий очистного забоя", "8111-0-005"},
      new String[] {"Медицинская сестра", "3221-0-001"}, new String[] {"Машинист экскаватора", "8342-1-001"},
      new String[] {"Электромонтер", ""});

  private final SplittableRandom random;
  private final ObjectMapper json = new ObjectMapper();

  long hhRows;
  long hhAccepted;
  long hhAbroad;
  final Map<String, Long> hhBad = SampleGenerator.zeroCounts(BAD_HH_KINDS);
  long enbekRows;
  long enbekAccepted;
  long enbekPositions;
  final Map<String, Long> enbekBad = SampleGenerator.zeroCounts(BAD_ENBEK_KINDS);
  long statRows;
  final Map<String, Long> statBad = SampleGenerator.zeroCounts(BAD_STAT_KINDS);

  RealFormatWriter(SplittableRandom random) {
    this.random = random;
  }

  /** hh vacancies of {@code year}: one per 200 unique vacancies (at least 20), each with its own employer. */
  void writeHh(Path dir, int year, int vacancies) throws IOException {
    int n = Math.max(20, vacancies / 200);
    try (Writer w = SampleGenerator.open(dir.resolve("sample_hh_" + year + ".jsonl"), false)) {
      for (int i = 0; i < n; i++) {
        String[] t = SampleGenerator.any(random, HH_TITLES);
        String[] area = SampleGenerator.any(random, HH_AREAS);
        ObjectNode v = vacancy(i, t, area, SampleGenerator.dayOfYear(random, year));
        w.write(json.writeValueAsString(v) + "\n");
        hhRows++;
        hhAccepted++;
      }
      // One in Moscow: accepted and kept with its country, left out of the Kazakh gap tables.
      w.write(json.writeValueAsString(vacancy(n, HH_TITLES.get(0), new String[] {"1", "Москва"}, LocalDate.of(year, 6, 1))) + "\n");
      hhRows++;
      hhAccepted++;
      hhAbroad++;
      for (String kind : BAD_HH_KINDS) {
        ObjectNode v = vacancy(n + 1 + BAD_HH_KINDS.indexOf(kind), HH_TITLES.get(1), HH_AREAS.get(0), LocalDate.of(year, 6, 2));
        switch (kind) {
          case "MALFORMED_ROW" -> w.write(json.writeValueAsString(v).substring(0, 60) + "\n");
          case "PAY_NOT_PERIODIC" -> {
            ((ObjectNode) v.get("salary_range")).set("mode", json.createObjectNode().put("id", "SERVICE").put("name", "За услугу"));
            w.write(json.writeValueAsString(v) + "\n");
          }
          case "UNKNOWN_REGION" -> {
            v.set("area", json.createObjectNode().put("id", "999999").put("name", "Атлантида"));
            w.write(json.writeValueAsString(v) + "\n");
          }
          default -> throw new IllegalArgumentException(kind);
        }
        hhRows++;
        SampleGenerator.count(hhBad, kind);
      }
    }
  }

  private ObjectNode vacancy(int i, String[] title, String[] area, LocalDate day) {
    ObjectNode v = json.createObjectNode();
    v.put("id", "sample-hh-" + i);
    v.put("name", title[0]);
    v.set("area", json.createObjectNode().put("id", area[0]).put("name", area[1]));
    long from = 200_000 + 10_000L * random.nextInt(60);
    boolean gross = random.nextBoolean();
    ObjectNode salary = json.createObjectNode().put("from", from).put("to", from + 100_000).put("currency", "KZT").put("gross", gross);
    v.set("salary", salary);
    v.set("salary_range", salary.deepCopy().set("mode", json.createObjectNode().put("id", "MONTH").put("name", "За месяц")));
    v.put("published_at", day + "T10:00:00+0500");
    v.set("employer", json.createObjectNode().put("id", "hh-employer-" + i).put("name", "ТОО Пример " + i));
    ArrayNode roles = json.createArrayNode();
    roles.add(json.createObjectNode().put("id", title[1]));
    v.set("professional_roles", roles);
    v.set("experience", json.createObjectNode().put("id", "between1And3"));
    SampleSkills.Asks asks = SampleSkills.of("sample-hh-" + i, title[2], day.getYear());
    if (!asks.requirements().isEmpty()) {
      // As hh search results give it: a highlighted fragment, the text cut short.
      v.set("snippet", json.createObjectNode().put("requirement", asks.requirements().replaceFirst("Знание", "<highlighttext>Знание</highlighttext>"))
          .put("responsibility", "Выполнение задач отдела. Тел. для связи +7 701 000 00 " + String.format("%02d", i % 100)));
    }
    ArrayNode keySkills = json.createArrayNode();
    for (String skill : asks.listed().isEmpty() ? new String[0] : asks.listed().split("; ")) {
      keySkills.add(json.createObjectNode().put("name", skill));
    }
    v.set("key_skills", keySkills);
    // Contacts as the API returns them for some employers: skillgap must never read them.
    v.set("contacts", json.createObjectNode().put("name", "Айгерим").put("email", "hr" + i + "@example.kz")
        .set("phones", json.createArrayNode().add(json.createObjectNode().put("formatted", "+7 (701) 000-00-" + String.format("%02d", i % 100)))));
    return v;
  }

  /** An Enbek export of {@code year}: Windows-1251, semicolons, Russian headers. */
  void writeEnbek(Path dir, int year, int vacancies) throws IOException {
    int n = Math.max(10, vacancies / 500);
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
        .setHeader("Номер вакансии", "Наименование должности", "Код НКЗ", "Регион", "Дата размещения", "Зарплата от", "Зарплата до",
            "Количество мест", "БИН работодателя", "Требования").get();
    try (CSVPrinter out = format.print(Files.newBufferedWriter(dir.resolve("sample_enbek_" + year + ".csv"), Charset.forName("windows-1251")))) {
      for (int i = 0; i < n + BAD_ENBEK_KINDS.size(); i++) {
        String[] t = SampleGenerator.any(random, ENBEK_TITLES);
        Region r = SampleGenerator.any(random, SampleCatalog.REGIONS);
        LocalDate day = SampleGenerator.dayOfYear(random, year);
        int positions = 1 + random.nextInt(3);
        String nkz = t[1];
        String date = String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        if (i >= n) {
          String kind = BAD_ENBEK_KINDS.get(i - n);
          if (kind.equals("UNKNOWN_NKZ_CODE")) {
            nkz = "9999-0-001";
          } else {
            date = day.getYear() + "/" + day.getMonthValue();
          }
          SampleGenerator.count(enbekBad, kind);
        } else {
          enbekAccepted++;
          enbekPositions += positions;
        }
        long salary = 150_000 + 10_000L * random.nextInt(30);
        out.printRecord("sample-enbek-" + i, t[0], nkz, r.spellings().get(3), date, salary, salary + 50_000, positions,
            String.format("%012d", 100_000_000L + i), SampleSkills.of("sample-enbek-" + i, t[1].isEmpty() ? "7411" : t[1].substring(0, 4), year)
                .requirements());
        enbekRows++;
      }
    }
  }

  /** The stat.gov.kz table of {@code year}: the country, every region (cities as "X city"), one retired and one unknown name. */
  void writeStatWages(Path dir, int year) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader("regions", "avg_salary",
        "managers_&_civil_servants", "qualified", "tech_personnel", "admin_emplyees", "service_and_sales", "agriculture",
        "Engineers_transport", "assemblers_and_drivers", "unqualified", "not_members_of_other_groups").get();
    double growth = Math.pow(1.12, year - 2022);
    try (CSVPrinter out = format.print(SampleGenerator.open(dir.resolve("sample_stat_wages_" + year + ".csv"), false))) {
      statRow(out, "The Republic Of Kazakhstan", growth);
      for (Region r : SampleCatalog.REGIONS) {
        if (year < 2022 && List.of("KZ-10", "KZ-33", "KZ-62").contains(r.iso()) || year < 2018 && r.iso().equals("KZ-79")) {
          continue; // not yet a region in that year
        }
        String name = r.spellings().get(2);
        statRow(out, name.endsWith("Region") ? name : name + " city", r.salaryFactor() * growth);
      }
      statRow(out, "South Kazakhstan Region", growth);
      SampleGenerator.count(statBad, "REGION_NOT_IN_YEAR");
      statRow(out, "Atlantis Region", growth);
      SampleGenerator.count(statBad, "UNKNOWN_REGION");
    }
  }

  private void statRow(CSVPrinter out, String region, double factor) throws IOException {
    double[] w = SampleCatalog.MAJOR_GROUP_WAGE_2022;
    Object[] values = new Object[12];
    values[0] = region;
    double sum = 0;
    for (int g = 0; g < 9; g++) {
      double v = Math.round(w[g] * factor * (0.95 + 0.1 * random.nextDouble()));
      values[2 + g] = v;
      sum += v;
    }
    values[1] = Math.round(sum / 9);
    values[11] = Math.round(w[8] * factor);
    out.printRecord(values);
    statRows++;
  }
}
