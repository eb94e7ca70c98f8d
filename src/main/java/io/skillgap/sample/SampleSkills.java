package io.skillgap.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Requirements and key skills that fit each sample occupation, written the way employers write them
 * (Russian, with product names in Latin), so the skills tables of a sample night have something to say.
 * Drawn from a generator of their own (seeded by the vacancy id): the rest of the sample stays as it was.
 */
final class SampleSkills {
  private SampleSkills() {}

  /** Skills by ISCO-08 unit group, else by its first two digits, else by its major group. */
  private static final Map<String, List<String>> BY_CODE = Map.ofEntries(
      Map.entry("2512", List.of("Java", "Python", "SQL", "Git", "Docker", "Kubernetes", "Spring", "PostgreSQL", "REST API", "Linux",
          "TypeScript", "React", "Go", "1С:Предприятие", "CI/CD", "Kafka")),
      Map.entry("2511", List.of("SQL", "BPMN", "UML", "Jira", "Confluence", "REST API", "Agile", "Scrum", "английский язык")),
      Map.entry("2513", List.of("PHP", "Laravel", "JavaScript", "HTML", "CSS", "MySQL", "Git", "Vue.js")),
      Map.entry("2514", List.of("Swift", "Kotlin", "Flutter", "Git", "REST API", "Android", "iOS")),
      Map.entry("2519", List.of("тестирование ПО", "SQL", "Postman", "Jira", "автоматизация тестирования", "Selenium", "Python")),
      Map.entry("2521", List.of("PostgreSQL", "Oracle", "SQL", "Linux", "резервное копирование", "MS SQL Server")),
      Map.entry("2522", List.of("Linux", "Windows Server", "Active Directory", "VMware", "TCP/IP", "Bash", "Zabbix")),
      Map.entry("2523", List.of("Cisco", "TCP/IP", "маршрутизация", "VPN", "CCNA", "MikroTik")),
      Map.entry("2529", List.of("информационная безопасность", "SIEM", "ISO 27001", "тестирование на проникновение", "Linux")),
      Map.entry("2120", List.of("Python", "машинное обучение", "SQL", "статистика", "pandas", "Power BI", "английский язык")),
      Map.entry("2114", List.of("Micromine", "геологическое картирование", "ГИС", "AutoCAD", "керн", "JORC")),
      Map.entry("2146", List.of("Micromine", "маркшейдерское дело", "буровзрывные работы", "AutoCAD", "промышленная безопасность")),
      Map.entry("2151", List.of("AutoCAD", "релейная защита", "ПУЭ", "группа по электробезопасности", "проектирование электроснабжения")),
      Map.entry("2152", List.of("Altium Designer", "схемотехника", "микроконтроллеры", "STM32", "пайка", "осциллограф")),
      Map.entry("2153", List.of("TCP/IP", "оптоволокно", "Cisco", "радиосвязь")),
      Map.entry("2142", List.of("AutoCAD", "Revit", "сметное дело", "чтение чертежей", "технический надзор")),
      Map.entry("3113", List.of("группа по электробезопасности", "ПУЭ", "электромонтаж", "чтение электрических схем")),
      Map.entry("3114", List.of("пайка", "осциллограф", "микроконтроллеры", "ремонт электроники")),
      Map.entry("3117", List.of("промышленная безопасность", "буровзрывные работы", "горное оборудование")),
      Map.entry("3121", List.of("промышленная безопасность", "охрана труда", "горное оборудование")),
      Map.entry("3131", List.of("группа по электробезопасности", "котельное оборудование", "ПУЭ", "охрана труда")),
      Map.entry("3512", List.of("Windows", "Active Directory", "Help Desk", "ремонт оргтехники", "1С")),
      Map.entry("3522", List.of("оптоволокно", "TCP/IP", "монтаж сетей")),
      Map.entry("7411", List.of("электромонтаж", "группа по электробезопасности", "чтение электрических схем")),
      Map.entry("7421", List.of("пайка", "ремонт электроники")),
      Map.entry("7212", List.of("сварка", "НАКС", "аргонодуговая сварка", "чтение чертежей")),
      Map.entry("8332", List.of("водительское удостоверение категории C", "категория CE", "тахограф")),
      Map.entry("8322", List.of("водительское удостоверение категории B", "знание города")),
      Map.entry("8111", List.of("промышленная безопасность", "горное оборудование")),
      Map.entry("2411", List.of("1С:Бухгалтерия", "МСФО", "налоговый учет", "MS Excel")),
      Map.entry("3313", List.of("1С:Бухгалтерия", "налоговый учет", "первичная документация", "MS Excel")),
      Map.entry("4110", List.of("MS Office", "делопроизводство", "MS Excel", "грамотная речь")),
      Map.entry("5223", List.of("работа с кассой", "продажи", "мерчандайзинг", "клиентоориентированность")),
      Map.entry("5120", List.of("санитарная книжка", "калькуляция блюд", "ХАССП")),
      Map.entry("22", List.of("сертификат специалиста", "оказание первой помощи", "медицинская книжка", "Damumed")),
      Map.entry("23", List.of("казахский язык", "английский язык", "ИКТ в обучении", "обновленное содержание образования")),
      Map.entry("32", List.of("оказание первой помощи", "медицинская книжка", "сертификат специалиста")),
      Map.entry("13", List.of("управление проектами", "бюджетирование", "управление персоналом", "английский язык")),
      Map.entry("7", List.of("охрана труда", "чтение чертежей")),
      Map.entry("8", List.of("охрана труда", "промышленная безопасность")));

  /** Transversal asks added to every ad's text now and then. */
  private static final List<String> COMMON = List.of("коммуникабельность", "работа в команде", "стрессоустойчивость",
      "уверенный пользователь ПК", "казахский язык", "русский язык", "английский язык", "обучаемость", "внимательность");

  private static List<String> pool(String isco) {
    if (isco == null || isco.isEmpty()) {
      return List.of();
    }
    for (String key : List.of(isco, isco.substring(0, Math.min(2, isco.length())), isco.substring(0, 1))) {
      List<String> p = BY_CODE.get(key);
      if (p != null) {
        return p;
      }
    }
    return List.of();
  }

  /** The listed skills and the requirements text of one ad (empty strings for none). */
  record Asks(String listed, String requirements) {}

  static Asks of(String vacancyId, String isco, int year) {
    SplittableRandom r = new SplittableRandom(vacancyId.hashCode() * 31L + year);
    List<String> own = new ArrayList<>(pool(isco));
    if (r.nextDouble() < 0.12 || own.isEmpty() && r.nextDouble() < 0.5) {
      return new Asks("", "");
    }
    // Later years ask a little more for the newer tools at the end of each list: something to grow.
    int n = Math.min(own.size(), 1 + r.nextInt(3) + (year % 2));
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double bias = Math.min(0.9, 0.3 + 0.1 * (year - 2020));
      int at = r.nextDouble() < bias ? own.size() - 1 - r.nextInt(Math.max(1, own.size() / 2)) : r.nextInt(own.size());
      String s = own.get(Math.max(0, at));
      if (!picked.contains(s)) {
        picked.add(s);
      }
    }
    if (r.nextDouble() < 0.6) {
      picked.add(COMMON.get(r.nextInt(COMMON.size())));
    }
    String text = "Опыт работы от " + (1 + r.nextInt(3)) + " лет. Знание: " + String.join(", ", picked) + ". Ответственность.";
    String listed = r.nextDouble() < 0.5 ? String.join("; ", picked) : "";
    return new Asks(listed, text);
  }
}
