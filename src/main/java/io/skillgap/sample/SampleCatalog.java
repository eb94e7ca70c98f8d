package io.skillgap.sample;

import java.util.List;

/**
 * What the sample generator draws from: occupations with their posting weights, salaries and titles,
 * regions with their sizes, fields of study with national graduate numbers. Proportions follow
 * Kazakhstan's (DOMAIN.md): Almaty and Astana largest, education and health a big share of vacancies,
 * about 150,000 college and 150,000 university graduates a year. Salaries are monthly KZT of 2022.
 */
final class SampleCatalog {
  private SampleCatalog() {}

  /** Sector tilt groups: which regions post more of which occupations. */
  enum Tilt { NONE, ICT, MINING, OIL_ENERGY }

  record Occupation(String isco, double weight, double salary2022, String nace, Tilt tilt, double growth, int education,
      List<String> titles) {}

  record Region(String iso, double vacancyShare, double salaryFactor, double higherEdShare, double tvetShare,
      Tilt strength, List<String> spellings) {}

  /** A field of study: ISCED-F code, KZ training direction for higher education (null if none), TVET code, graduates per level. */
  record Field(String isced, String kzDirection, String tvetCode, int tvet, int bachelor, int master, int doctorate) {}

  static final List<Occupation> OCCUPATIONS = List.of(
      // Education and health: the public sector's large share of Enbek vacancies.
      occ("2330", 9, 230_000, "85", Tilt.NONE, 1.03, 6, "Учитель математики", "Учитель физики", "Учитель казахского языка и литературы", "Secondary school teacher", "Учитель английского языка"),
      occ("2341", 5, 210_000, "85", Tilt.NONE, 1.03, 6, "Учитель начальных классов", "Primary school teacher", "Бастауыш сынып мұғалімі"),
      occ("2342", 4, 170_000, "85", Tilt.NONE, 1.04, 4, "Воспитатель детского сада", "Тәрбиеші", "Воспитатель (ясли-сад)"),
      occ("2211", 3, 380_000, "86", Tilt.NONE, 1.04, 7, "Врач общей практики", "Терапевт участковый", "General practitioner"),
      occ("2212", 2.5, 450_000, "86", Tilt.NONE, 1.04, 7, "Врач-кардиолог", "Врач-педиатр", "Хирург"),
      occ("3221", 5, 200_000, "86", Tilt.NONE, 1.03, 4, "Медицинская сестра", "Медсестра процедурная", "Мейірбике"),
      occ("2221", 1, 250_000, "86", Tilt.NONE, 1.03, 6, "Старшая медицинская сестра", "Nurse manager"),
      occ("2262", 1, 230_000, "47", Tilt.NONE, 1.02, 6, "Фармацевт", "Провизор"),
      // ICT and AI.
      occ("2512", 4, 700_000, "62", Tilt.ICT, 1.18, 6, "Java-разработчик", "Backend Developer (Go)", "Senior Python Developer", "Программист 1С", "Frontend-разработчик (React, TypeScript)"),
      occ("2511", 1.5, 650_000, "62", Tilt.ICT, 1.15, 6, "Системный аналитик", "Business Analyst"),
      occ("2513", 1, 450_000, "62", Tilt.ICT, 1.10, 6, "Веб-разработчик", "Web Developer (PHP, Laravel)"),
      occ("2514", 1, 550_000, "62", Tilt.ICT, 1.15, 6, "Разработчик мобильных приложений", "iOS Developer"),
      occ("2519", 1, 500_000, "62", Tilt.ICT, 1.12, 6, "QA Engineer", "Тестировщик ПО"),
      occ("2521", 0.5, 600_000, "62", Tilt.ICT, 1.10, 6, "Администратор баз данных", "DBA PostgreSQL"),
      occ("2522", 1.5, 400_000, "62", Tilt.ICT, 1.10, 6, "Системный администратор", "DevOps-инженер"),
      occ("2523", 0.8, 450_000, "61", Tilt.ICT, 1.10, 6, "Сетевой инженер", "Network Engineer (Cisco)"),
      occ("2529", 0.8, 750_000, "62", Tilt.ICT, 1.25, 7, "Data Scientist", "Специалист по информационной безопасности", "ML Engineer"),
      occ("2120", 0.7, 500_000, "62", Tilt.ICT, 1.20, 6, "Аналитик данных", "Data Analyst", "Статистик"),
      occ("3512", 1.5, 250_000, "62", Tilt.ICT, 1.05, 4, "Специалист технической поддержки", "Helpdesk Specialist"),
      occ("1330", 0.4, 1_000_000, "62", Tilt.ICT, 1.10, 7, "IT-директор", "Head of IT"),
      // Data centres.
      occ("7422", 0.6, 280_000, "63", Tilt.ICT, 1.25, 4, "Монтажник СКС", "Инженер по обслуживанию серверного оборудования"),
      occ("3522", 0.6, 300_000, "61", Tilt.ICT, 1.15, 4, "Техник связи", "Инженер по инфраструктуре ЦОД"),
      occ("7127", 0.4, 280_000, "63", Tilt.ICT, 1.20, 4, "Инженер по холодоснабжению", "Техник систем кондиционирования"),
      occ("2153", 0.5, 450_000, "61", Tilt.ICT, 1.12, 6, "Инженер электросвязи", "Telecommunications Engineer"),
      // Semiconductors and electronics.
      occ("2152", 0.5, 420_000, "26", Tilt.NONE, 1.20, 6, "Инженер-электроник", "Electronics Engineer", "Инженер-конструктор печатных плат"),
      occ("3114", 0.5, 260_000, "26", Tilt.NONE, 1.15, 4, "Техник-электроник", "Инженер КИПиА (АСУ ТП, \"Сименс\")"),
      occ("7421", 0.4, 250_000, "95", Tilt.NONE, 1.05, 4, "Радиомеханик", "Мастер по ремонту электроники"),
      occ("8212", 0.4, 200_000, "26", Tilt.NONE, 1.15, 3, "Сборщик электронной аппаратуры", "Монтажник радиоэлектронной аппаратуры"),
      // Energy.
      occ("2151", 1, 450_000, "35", Tilt.OIL_ENERGY, 1.12, 6, "Инженер-энергетик", "Инженер-электрик", "Electrical Engineer"),
      occ("3113", 0.8, 300_000, "35", Tilt.OIL_ENERGY, 1.08, 4, "Техник-электрик", "Электромонтёр по обслуживанию подстанций"),
      occ("3131", 0.5, 320_000, "35", Tilt.OIL_ENERGY, 1.05, 4, "Машинист энергоблока", "Оператор котельной"),
      occ("3134", 0.4, 450_000, "19", Tilt.OIL_ENERGY, 1.05, 4, "Оператор технологических установок НПЗ"),
      occ("7411", 1.2, 280_000, "43", Tilt.NONE, 1.05, 3, "Электрик", "Электромонтажник"),
      occ("7413", 0.3, 300_000, "35", Tilt.OIL_ENERGY, 1.05, 3, "Электромонтер по ремонту ВЛ"),
      // Critical minerals and mining.
      occ("2114", 0.5, 550_000, "09", Tilt.MINING, 1.15, 6, "Геолог", "Геофизик", "Geologist"),
      occ("2146", 0.6, 600_000, "07", Tilt.MINING, 1.15, 6, "Горный инженер", "Инженер-металлург", "Mining Engineer"),
      occ("3117", 0.5, 350_000, "07", Tilt.MINING, 1.10, 4, "Горный мастер", "Техник-технолог обогатительной фабрики"),
      occ("3121", 0.3, 500_000, "07", Tilt.MINING, 1.08, 4, "Начальник участка горных работ"),
      occ("8111", 0.8, 400_000, "07", Tilt.MINING, 1.08, 3, "Проходчик", "Горнорабочий подземный"),
      occ("8113", 0.4, 450_000, "06", Tilt.OIL_ENERGY, 1.05, 3, "Бурильщик", "Помощник бурильщика"),
      occ("3135", 0.3, 380_000, "24", Tilt.MINING, 1.05, 4, "Оператор пульта управления металлургического цеха"),
      // Common occupations.
      occ("2411", 3, 300_000, "69", Tilt.NONE, 1.02, 6, "Бухгалтер", "Главный бухгалтер"),
      occ("3313", 1.5, 220_000, "69", Tilt.NONE, 1.02, 4, "Помощник бухгалтера"),
      occ("5223", 5, 150_000, "47", Tilt.NONE, 1.01, 3, "Продавец-консультант", "Продавец-кассир"),
      occ("8322", 2, 220_000, "49", Tilt.NONE, 1.02, 3, "Водитель такси", "Водитель легкового автомобиля"),
      occ("8332", 2, 300_000, "49", Tilt.NONE, 1.03, 3, "Водитель грузовика категории C/E", "Водитель-дальнобойщик"),
      occ("5120", 2, 180_000, "56", Tilt.NONE, 1.02, 3, "Повар", "Повар-универсал"),
      occ("2142", 1, 400_000, "41", Tilt.NONE, 1.04, 6, "Инженер-строитель", "Инженер ПТО"),
      occ("7212", 1.2, 300_000, "25", Tilt.MINING, 1.04, 3, "Электрогазосварщик", "Сварщик аргонодуговой сварки"),
      occ("2611", 0.8, 300_000, "69", Tilt.NONE, 1.01, 6, "Юрист", "Юрисконсульт"),
      occ("2431", 1, 350_000, "73", Tilt.NONE, 1.04, 6, "Маркетолог", "SMM-менеджер"),
      occ("4110", 2, 160_000, "84", Tilt.NONE, 1.00, 3, "Офис-менеджер", "Делопроизводитель"),
      occ("9112", 2, 110_000, "81", Tilt.NONE, 1.00, 2, "Уборщица", "Уборщик служебных помещений"),
      occ("5414", 1.5, 150_000, "80", Tilt.NONE, 1.00, 3, "Охранник", "Сотрудник охраны"),
      occ("2132", 0.5, 250_000, "01", Tilt.NONE, 1.02, 6, "Агроном", "Главный агроном"),
      occ("6121", 0.5, 150_000, "01", Tilt.NONE, 1.00, 2, "Скотник", "Чабан"),
      occ("7231", 1, 250_000, "45", Tilt.NONE, 1.03, 3, "Автослесарь", "Автомеханик"));

  static final List<Region> REGIONS = List.of(
      reg("KZ-75", .17, 1.25, .30, .11, Tilt.ICT, "KZ-75", "75", "Almaty", "Алматы", "г. Алматы"),
      reg("KZ-71", .15, 1.30, .15, .07, Tilt.ICT, "KZ-71", "71", "Astana", "Астана", "Nur-Sultan", "Нур-Султан"),
      reg("KZ-79", .06, .85, .07, .06, Tilt.NONE, "KZ-79", "79", "Shymkent", "Шымкент"),
      reg("KZ-35", .07, .95, .08, .06, Tilt.MINING, "KZ-35", "35", "Karaganda Region", "Карагандинская область", "Karagandinskaja oblast'"),
      reg("KZ-63", .045, .95, .05, .04, Tilt.MINING, "KZ-63", "63", "East Kazakhstan Region", "Восточно-Казахстанская область", "ВКО"),
      reg("KZ-23", .05, 1.60, .02, .04, Tilt.OIL_ENERGY, "KZ-23", "23", "Atyrau Region", "Атырауская область"),
      reg("KZ-15", .045, 1.00, .04, .05, Tilt.MINING, "KZ-15", "15", "Aktobe Region", "Актюбинская область", "Aktjubinskaja oblast'"),
      reg("KZ-55", .04, .95, .04, .04, Tilt.MINING, "KZ-55", "55", "Pavlodar Region", "Павлодарская область"),
      reg("KZ-61", .055, .80, .05, .11, Tilt.NONE, "KZ-61", "61", "Turkistan Region", "Туркестанская область", "Türkistan oblysy"),
      reg("KZ-47", .04, 1.45, .01, .04, Tilt.OIL_ENERGY, "KZ-47", "47", "Mangystau Region", "Мангистауская область"),
      reg("KZ-31", .035, .80, .03, .06, Tilt.NONE, "KZ-31", "31", "Zhambyl Region", "Жамбылская область", "Jambyl"),
      reg("KZ-39", .035, .90, .03, .04, Tilt.MINING, "KZ-39", "39", "Kostanay Region", "Костанайская область"),
      reg("KZ-11", .03, .90, .02, .04, Tilt.NONE, "KZ-11", "11", "Akmola Region", "Акмолинская область", "Akmolinskaja oblast'"),
      reg("KZ-27", .03, 1.05, .03, .035, Tilt.OIL_ENERGY, "KZ-27", "27", "West Kazakhstan Region", "Западно-Казахстанская область"),
      reg("KZ-43", .03, .90, .03, .04, Tilt.OIL_ENERGY, "KZ-43", "43", "Kyzylorda Region", "Кызылординская область"),
      reg("KZ-59", .025, .85, .02, .03, Tilt.NONE, "KZ-59", "59", "North Kazakhstan Region", "Северо-Казахстанская область"),
      reg("KZ-19", .04, .90, .01, .07, Tilt.NONE, "KZ-19", "19", "Almaty Region", "Алматинская область"),
      reg("KZ-10", .02, .90, .01, .03, Tilt.MINING, "KZ-10", "10", "Abai Region", "Абайская область", "Абай облысы"),
      reg("KZ-33", .02, .85, .01, .035, Tilt.NONE, "KZ-33", "33", "Zhetysu Region", "Жетысуская область"),
      reg("KZ-62", .01, 1.10, .002, .01, Tilt.MINING, "KZ-62", "62", "Ulytau Region", "Улытауская область"));

  /** National graduates a year by level: tvet, bachelor, master, doctorate. */
  static final List<Field> FIELDS = List.of(
      new Field("0613", "061", "06130100", 9000, 7000, 1200, 80),
      new Field("0612", null, "06120100", 3000, 0, 0, 0),
      new Field("0714", "062", "07140100", 4000, 2500, 300, 20),
      new Field("0713", "071", "07130100", 7000, 6000, 1000, 60),
      new Field("0724", "072", "07240100", 3500, 1800, 200, 20),
      new Field("053", "053", null, 0, 2700, 400, 40),
      new Field("054", "054", null, 0, 2000, 300, 30),
      new Field("0114", "014", "01140100", 12000, 28000, 4000, 150),
      new Field("0112", "012", "01120100", 8000, 3000, 0, 0),
      new Field("0113", "013", "01130100", 5000, 6000, 0, 0),
      new Field("091", "101", null, 0, 7000, 800, 100),
      new Field("0913", null, "09130100", 20000, 0, 0, 0),
      new Field("0916", null, "09160100", 3000, 0, 0, 0),
      new Field("041", "041", "04110100", 10000, 25000, 5000, 200),
      new Field("042", "042", "04210100", 3000, 9000, 1500, 100),
      new Field("0732", "073", "07320100", 12000, 5000, 500, 0),
      new Field("0715", null, "07150100", 15000, 0, 0, 0),
      new Field("0716", null, "07160100", 10000, 0, 0, 0),
      new Field("1013", "111", "10130100", 9000, 1500, 0, 0),
      new Field("1041", "113", "10410100", 4000, 1000, 0, 0),
      new Field("0811", "081", "08110100", 5000, 3000, 300, 20),
      new Field("084", "091", "08410100", 1500, 1200, 100, 10),
      new Field("023", "023", null, 0, 6000, 800, 50),
      new Field("031", "031", null, 0, 4000, 700, 50),
      new Field("021", "021", "02120100", 4000, 3000, 200, 0));

  /** Kazakhstan posts on the order of 1.2 million vacancies a year; graduates are scaled against it. */
  static final double NATIONAL_VACANCIES_PER_YEAR = 1_200_000;

  /** ISCO-08 major group wages of 2022 (stat.gov.kz, national, KZT), groups 1 to 9. */
  static final double[] MAJOR_GROUP_WAGE_2022 = {534_211, 349_354, 272_751, 250_105, 202_138, 175_733, 342_446, 337_969, 129_615};

  private static Occupation occ(String isco, double weight, double salary, String nace, Tilt tilt, double growth, int edu, String... titles) {
    return new Occupation(isco, weight, salary, nace, tilt, growth, edu, List.of(titles));
  }

  private static Region reg(String iso, double share, double salary, double higher, double tvet, Tilt strength, String... spellings) {
    return new Region(iso, share, salary, higher, tvet, strength, List.of(spellings));
  }
}
