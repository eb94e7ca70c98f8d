package io.skillgap.classify;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a title's structure says that its words alone do not: the head of a unit is a manager of the
 * unit's function (ISCO major group 1), not one of the people managed; a specialty beats the generic
 * word it qualifies (a cardiologist is not a general practitioner); the qualifiers that decide a unit
 * group (a driving licence category, what a sales manager sells, a kitchen rank). Each rule has a name,
 * which explains the code it gives.
 */
final class TitleRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A rule's code, and the rule's name. */
  record Hit(String isco, String rule) {}

  /** A pattern on the title (lower case, ё as е) and the code it means. */
  private record Rule(String name, Pattern when, String isco) implements Serializable {}

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
  }

  private static final String W = "[\\p{L}\\p{N}]*";

  /** Someone who heads a unit (ru, kk, en), not a team lead of the same trade ("тимлид"). */
  static final Pattern HEAD = p("(?<![\\p{L}])(руководител" + W + "|начальник" + W + "|директор" + W + "|заведующ" + W + "|управляющ" + W
      + "|head of|head|director|cfo|cto|cio|cmo|coo|chro|бастығы|басшы" + W + "|меңгеруші" + W + ")(?![\\p{L}])");
  /** Heads of a whole organisation (operations directors of a whole firm too). */
  static final Pattern CHIEF_EXECUTIVE = p("генеральн" + W + " директор|исполнительн" + W + " директор|управляющ" + W + " директор|"
      + "операционн" + W + " директор|директор компании|директор предприятия|(?<![\\p{L}])(ceo|coo)(?![\\p{L}])|chief (executive|operating)|"
      + "managing director|бас директор");
  /**
   * Head words that do not make the person a head of unit: art and creative directors, music directors,
   * project heads (their field decides), a housekeeper ("заведующий хозяйством"), and assistants or secretaries
   * of a head ("ассистент генерального директора").
   */
  static final Pattern NOT_A_HEAD = p("арт-?директор|art director|креативн" + W + " директор|creative director|музыкальн" + W
      + " руководител|художественн" + W + " руководител|руководител" + W + " (проекта|проектов)|project|руководител" + W + " практики|"
      + "заведующ" + W + " хозяйств|завхоз|(ассистент|помощник|секретар|референт|водител)" + W + "[ -]+(\\p{L}+ )?(генеральн" + W + " )?"
      + "(руководител|директор|начальник|заведующ)|бизнес-ассистент");

  /** The unit's function, checked in this order, and the ISCO-08 manager group it makes. */
  static final List<Rule> FUNCTIONS = List.of(
      new Rule("head of an ICT unit", p("(?<![\\p{L}])(it|ит|ict|ikt|икт|информационн" + W + " технолог|цифров" + W + " трансформац|разработк" + W
          + " (по|программ)|software|devops|инфраструктур|техническ" + W + " поддержк|1с|erp|data|данных|информатизац)(?![\\p{L}])"), "1330"),
      new Rule("head of a finance unit", p("финанс|бухгалтер|казначей|экономическ|планово-экономическ|(?<![\\p{L}])cfo(?![\\p{L}])|finance|налог|аудит"), "1211"),
      new Rule("head of an HR unit", p("персонал|кадр|(?<![\\p{L}])hr(?![\\p{L}])|подбор|рекрутинг|обучени" + W + " и развити|people|human resources"), "1212"),
      new Rule("head of an advertising or PR unit", p("реклам|(?<![\\p{L}])pr(?![\\p{L}])|связ" + W + " с общественност|коммуникаци|бренд"), "1222"),
      new Rule("head of a sales or marketing unit", p("продаж|sales|коммерческ|сбыт|маркетинг|marketing|клиент|b2b|b2c|e-commerce|"
          + "тендер|развити" + W + " бизнес|business development|ключев" + W + " клиент|(?<![\\p{L}])kam(?![\\p{L}])"), "1221"),
      new Rule("head of a supply or logistics unit", p("логист|снабжени|закуп|склад|supply|procurement|logistics|транспортн" + W + " отдел|"
          + "автопарк|доставк|вэд|таможен"), "1324"),
      new Rule("head of a production unit", p("производств|(?<![\\p{L}])цех|завод|фабрик|manufacturing|(?<![\\p{L}])production"), "1321"),
      new Rule("head of a mining unit", p("горн" + W + " (работ|участ|цех)|рудник|шахт|карьер|обогатительн|mining"), "1322"),
      new Rule("head of a construction unit", p("строительств|капитальн" + W + " строит|construction"), "1323"),
      new Rule("head of a research or product unit", p("ниокр|(?<![\\p{L}])r&d|научно|исследовани|продукт|product"), "1223"),
      new Rule("head of a health unit", p("клиник|больниц|медицинск|поликлиник|отделени" + W + " (кардиолог|хирург|терапи|реанимац)|главн" + W + " врач"), "1342"),
      new Rule("head of an education unit", p("школ|детск" + W + " сад|образовательн|учебн" + W + " (центр|заведени)|колледж"), "1345"),
      new Rule("head of a bank branch", p("отделени" + W + " банка|филиал" + W + " банка|банк"), "1346"),
      new Rule("head of a shop", p("магазин|розничн" + W + " (сет|точк)|торгов" + W + " (зал|точк|центр)|(?<![\\p{L}])(shop|store)(?![\\p{L}])|бутик|"
          + "салон" + W + " (одежд|обув|мебел|связи|оптик)|дилерск" + W + " центр|автосалон|гипермаркет|супермаркет"), "1420"),
      new Rule("head of a restaurant", p("ресторан|(?<![\\p{L}])кафе|общепит|кофейн|столов|бар(?![\\p{L}])|пиццери"), "1412"),
      new Rule("head of a hotel", p("гостиниц|(?<![\\p{L}])отел|hotel|хостел"), "1411"),
      new Rule("head of a legal unit", p("юридическ|правов|(?<![\\p{L}])legal(?![\\p{L}])"), "1349"),
      new Rule("head of an administrative unit", p("административн|(?<![\\p{L}])ахо(?![\\p{L}])|хозяйствен|безопасност|качеств|документооборот"), "1219"));

  /** Words for the person's role that make a title not about the specialist named after them. */
  private static final String HELPER = "(ассистент|помощник|медицинск" + W + " сест|медсестр|медбрат|медицинск" + W + " брат|администратор|"
      + "менеджер|представител|куратор|оператор|санитар|гигиенист|координатор|консультант|специалист|рекрутер|маркетолог|smm|kam|техник)";

  /** Rules on the whole title, checked in this order before the head-of-unit rule. */
  static final List<Rule> TITLE = List.of(
      new Rule("a driving instructor", p("инструктор" + W + " по вождени|автоинструктор"), "5165"),
      new Rule("a shift or shop-floor supervisor", p("^(старш" + W + " )?(начальник" + W + " смены|мастер" + W + " (смены|участка|цеха))"), "3122"),
      new Rule("construction site supervisor", p("^(старш" + W + " |ведущ" + W + " )?(прораб|производител" + W + " (строительн" + W + " |отделочн" + W
          + " )?работ|начальник" + W + " (строительн" + W + " )?участка" + W + "(?! ?(кипиа|геолог|горн|производств)))"), "3123"),
      new Rule("a dentist, whatever words surround it", p("^(?!.*" + HELPER + ").*((?<![\\p{L}])(врач" + W + "[- ])?стоматолог(?!и|ическ)" + W
          + "|дантист|зубн" + W + " врач|ортодонт(?!и))"), "2261"),
      new Rule("a doctor with a specialty is a specialist", p("^(?!.*" + HELPER + ").*(врач" + W + "[- ]?(\\p{L}*олог(?!и|ическ)|хирург|педиатр|"
          + "психиатр|ортопед|офтальмолог|узи|функциональн|анестезиолог|реаниматолог|онколог|рентгенолог|травматолог|эндоскопист)|"
          + "(?<![\\p{L}])(кардиолог|невролог|гинеколог|уролог|эндокринолог|гастроэнтеролог|дерматолог|дерматовенеролог|офтальмолог|"
          + "оториноларинголог|хирург|педиатр|психиатр|травматолог-ортопед|анестезиолог|онколог)(а|у|ом|и|ов)?(?![\\p{L}]))"), "2212"),
      new Rule("a general practitioner", p("^(?!.*(ветеринар|мануальн|массаж|" + HELPER + ")).*(врач" + W + "[- ]терапевт|(?<![\\p{L}])терапевт(?![\\p{L}])|"
          + "врач общей практики|семейн" + W + " врач)"), "2211"),
      new Rule("an earthmoving machine operator", p("экскаватор|бульдозер|грейдер|машинист" + W + " катка|фронтальн" + W + " погрузчик"), "8342"),
      new Rule("a crane operator", p("машинист" + W + " (башенного |мостового |козлового )?крана|крановщик|автокран|водител" + W + " крана|"
          + "кран[- ]?манипулятор|крана[- ]манипулятора"), "8343"),
      new Rule("a forklift driver", p("(водител|оператор|машинист)" + W + "[- ]+(вилочного |электро)?(погрузчик|штабелер|ричтрак)|"
          + "(?<![\\p{L}])(ричтрак|штабелер)"), "8344"),
      new Rule("a head chef or sous-chef", p("шеф[- ]?повар|су[- ]?шеф(?!.*повар ?/)|sous[- ]?chef|head chef|executive chef|шеф кухни"), "3434"),
      new Rule("a developer of hardware is an electronics engineer", p("разработчик" + W + " (печатн|плат|электрон|рэа|схем|микросхем|"
          + "аналогов|цифров" + W + " схем|fpga|плис)|(pcb|hardware|fpga) (developer|engineer|разработчик)|схемотехник|"
          + "инженер" + W + "[- ](конструктор )?(рэа|электроник|схемотехник)"), "2152"),
      new Rule("an electrical design engineer", p("(инженер" + W + "[- ]проектировщик|проектировщик)[^/]*(электроснабжени|электрооборудовани|"
          + "электрик|(?<![\\p{L}])(эом|эс)(?![\\p{L}])|электроосвещени)"), "2151"),
      new Rule("a salesperson of ICT", p("(менеджер|специалист|консультант" + W + "|manager)" + W + " по (продаж|работе с клиент).*(?<![\\p{L}])(it|ит|"
          + "программн" + W + " (обеспечени|продукт)|software|saas|crm|erp|1с|облачн" + W + "|ит-решени" + W + "|it-решени" + W
          + "|информационн" + W + " систем|лицензи" + W + "|кибербезопасност" + W + ")" + "(?![\\p{L}])"), "2434"),
      new Rule("a salesperson of technical equipment", p("(менеджер|специалист|инженер|manager)" + W + " по (продаж|работе с клиент).*"
          + "(оборудовани|станк|медицинск" + W + " (техник|изделий|оборудовани)|электротехническ|измерительн|лабораторн|климатическ|"
          + "насос|компрессор|генератор)"), "2433"));

  /** Licence categories a driver's title names (Latin or Cyrillic letters), and the truck words that imply C. */
  private static final Pattern DRIVER = p("(?<![\\p{L}])водител");
  private static final Pattern CATEGORIES = p("(?:категори" + W + "|кат\\.?)\\s*:?\\s*\"?((?:(?:[bвcсdдeе]|с1|c1|се|ce|bc|вс)\\s*(?:[,/;и+]|and)?\\s*)+)");
  private static final Pattern TRUCK = p("фур|тягач|самосвал|грузов|бетоносмесител|миксер|длинномер|автовоз|эвакуатор|камаз|"
      + "топливозаправщик|бензовоз|(?<![\\p{L}])(ce|се)(?![\\p{L}])");
  private static final Pattern BUS = p("автобус|маршрутк");
  private static final Pattern CAR = p("легков|такси|личн" + W + " (авто|автомобил)|газел|курьер");

  /** A driver by the licence categories the title names (the heaviest wins), else by the vehicle. */
  static Hit driver(String t) {
    if (!DRIVER.matcher(t).find()) {
      return null;
    }
    java.util.regex.Matcher m = CATEGORIES.matcher(t);
    String cats = m.find() ? m.group(1).replace('с', 'c').replace('в', 'b').replace('е', 'e').replace('д', 'd') : "";
    if (cats.contains("c") || cats.contains("e")) {
      return new Hit("8332", "a truck driver (licence C, CE or E)");
    }
    if (cats.contains("d")) {
      return new Hit("8331", "a bus driver (licence D)");
    }
    if (cats.contains("b")) {
      return new Hit("8322", "a car or van driver (licence B)");
    }
    if (CAR.matcher(t).find()) {
      return new Hit("8322", "a car or van driver (a car, a courier)");
    }
    if (BUS.matcher(t).find()) {
      return new Hit("8331", "a bus driver");
    }
    if (TRUCK.matcher(t).find()) {
      return new Hit("8332", "a truck driver (a truck named)");
    }
    return null;
  }

  /** The first rule the title meets, or null. */
  Hit apply(String title) {
    String t = title.toLowerCase(Locale.ROOT).replace('ё', 'е');
    for (Rule r : TITLE) {
      if (r.when().matcher(t).find()) {
        return new Hit(r.isco(), r.name());
      }
    }
    Hit driver = driver(t);
    if (driver != null) {
      return driver;
    }
    if (NOT_A_HEAD.matcher(t).find()) {
      return null;
    }
    if (CHIEF_EXECUTIVE.matcher(t).find()) {
      return new Hit("1120", "head of a whole organisation");
    }
    java.util.regex.Matcher head = HEAD.matcher(t);
    if (head.find()) {
      // The unit is the function named first after the head word ("руководитель отдела продаж (IT-школа)": sales).
      Rule first = null;
      int at = Integer.MAX_VALUE;
      for (Rule r : FUNCTIONS) {
        java.util.regex.Matcher m = r.when().matcher(t);
        int from = head.start();
        while (m.find()) {
          int pos = m.start() >= from ? m.start() - from : 1000 + m.start();
          if (pos < at) {
            at = pos;
            first = r;
          }
          break;
        }
      }
      if (first != null) {
        return new Hit(first.isco(), first.name());
      }
    }
    return null;
  }
}
