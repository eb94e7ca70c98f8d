package io.skillgap.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Personal data in free text, written the many ways people write it: each line of the corpus must come
 * out with no contact left, and text that only looks like numbers (salaries, dates, ids) must stay.
 */
public class PersonalDataTest {

  /** Text with one contact each, and what the masked text must be. */
  public static final List<String[]> CORPUS = List.of(
      new String[] {"Java, тел. +7 701 555 12 34", "Java, тел. [phone]"},
      new String[] {"+77015551234", "[phone]"},
      new String[] {"87015551234", "[phone]"},
      new String[] {"8 701 555 12 34", "[phone]"},
      new String[] {"8-701-555-12-34", "[phone]"},
      new String[] {"8 (701) 555-12-34", "[phone]"},
      new String[] {"+7 (701) 555-12-34", "[phone]"},
      new String[] {"+7(701)5551234", "[phone]"},
      new String[] {"8.701.555.12.34", "[phone]"},
      new String[] {"+7 701 555 12 34", "[phone]"}, // non-breaking spaces
      new String[] {"+7 701 555 12 34", "[phone]"}, // thin spaces
      new String[] {"+7 701 555 12 34", "[phone]"}, // narrow no-break spaces
      new String[] {"8–701–555–12–34", "[phone]"}, // en-dashes
      new String[] {"8—701—555—12—34", "[phone]"}, // em-dashes
      new String[] {"8−701−555−12−34", "[phone]"}, // minus signs
      new String[] {"тел87015551234", "тел[phone]"},
      new String[] {"тел.:87015551234доб", "тел.:[phone]доб"},
      new String[] {"Звоните7015551234!", "Звоните[phone]!"},
      new String[] {"7015551234", "[phone]"},
      new String[] {"701 555 12 34", "[phone]"},
      new String[] {"8 (7172) 55-66-77", "[phone]"},
      new String[] {"8 7172 556677", "[phone]"},
      new String[] {"(7172) 55-66-77", "[phone]"},
      new String[] {"+44 20 7946 0958", "[phone]"},
      new String[] {"+1 (415) 555-0132", "[phone]"},
      new String[] {"+996 555 123 456", "[phone]"},
      new String[] {"+49 30 901820", "[phone]"},
      new String[] {"WhatsApp: +7 777 123 4567", "WhatsApp: [phone]"},
      new String[] {"hr@firma.kz", "[e-mail]"},
      new String[] {"резюме на jobs.hr@firma.kz!", "резюме на [e-mail]!"},
      new String[] {"кадры@почта.рф", "[e-mail]"},
      new String[] {"info@компания.қаз", "[e-mail]"},
      new String[] {"Ivan.Petrov+jobs@mail.co.uk", "[e-mail]"},
      new String[] {"HR (hr-dept@sub.domain.kz)", "HR ([e-mail])"},
      new String[] {"пишите в t.me/hr_astana", "пишите в [contact]"},
      new String[] {"https://wa.me/77011234567", "[contact]"},
      new String[] {"Telegram @hr_manager_kz", "Telegram [contact]"},
      new String[] {"ИИН 900101300017", "ИИН [iin]"},
      new String[] {"БИН 040340004119 ТОО", "БИН [iin] ТОО"},
      new String[] {"ИП Иванов (ИИН900101300017)", "ИП Иванов (ИИН[iin])"},
      new String[] {"карта 4400 4301 2345 6789", "карта [number]"},
      new String[] {"+7 701 555 12 34, +7 702 555 12 35", "[phone], [phone]"});

  @Test
  void everyFormatOfTheCorpusIsMasked() {
    assertTrue(CORPUS.size() >= 40, "formats: " + CORPUS.size());
    for (String[] c : CORPUS) {
      assertEquals(c[1], PersonalData.mask(c[0]), "masked: " + c[0]);
    }
  }

  @Test
  void numbersThatAreNotContactsStay() {
    for (String s : List.of("Зарплата 300 000 - 500 000 тг", "от 450000 до 600000", "2025-03-01", "01.03.2025 - 31.03.2025",
        "Инженер 5 разряда", "вакансия 131040079", "ГОСТ 12.0.004-2015", "id 123456789012", "Python 3.12, Java 17",
        "1С:Предприятие 8.3")) {
      assertEquals(s, PersonalData.mask(s), "unchanged: " + s);
    }
    assertEquals(null, PersonalData.mask(null), "null");
  }

  @Test
  void theIinCheckDigitTellsARealOneFromARandomNumber() {
    // 900101300017: 9*1 + 0*2 + 0*3 + 1*4 + 0*5 + 1*6 + 3*7 + 0*8 + 0*9 + 0*10 + 1*11 = 51; 51 mod 11 = 7 = the 12th digit.
    assertTrue(PersonalData.validIin("900101300017"), "IIN");
    // 040340004119: 4*2 + 3*4 + 4*5 + 4*9 + 1*10 + 1*11 = 97; 97 mod 11 = 9 = the 12th digit.
    assertTrue(PersonalData.validIin("040340004119"), "BIN");
    assertFalse(PersonalData.validIin("900101300018"), "one digit off");
    // 12345678901: weights 1..11 give 296, mod 11 = 10, so weights 3..11,1,2: 377, mod 11 = 3, not 2.
    assertFalse(PersonalData.validIin("123456789012"), "random digits");
    assertTrue(PersonalData.validIin(withCheckDigit("12345678901")), "the same digits with their check digit (the second pass)");
    assertFalse(PersonalData.validIin("12345678901"), "eleven digits");
  }

  /** The first 11 digits with their check digit, by the rule (weights 1..11, then 3..11,1,2 when the first gives 10). */
  static String withCheckDigit(String first11) {
    int s = 0;
    for (int i = 0; i < 11; i++) {
      s += (first11.charAt(i) - '0') * (i + 1);
    }
    int c = s % 11;
    if (c == 10) {
      s = 0;
      for (int i = 0; i < 11; i++) {
        s += (first11.charAt(i) - '0') * ((i + 2) % 11 + 1);
      }
      c = s % 11;
    }
    return first11 + c;
  }
}
