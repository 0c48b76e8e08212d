package dev.etlkit.examples.employee;

import dev.etlkit.api.Record;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Raw, messy employee records in the seed's style, the same seed always giving the same records:
 * names like {@code "john  o'brien"}, salaries like {@code "$75,000"}, department aliases in any case,
 * dates in three formats, numbers and booleans sometimes already typed as a JSON source gives them.
 * About 5% break one rule (a fresh or blank id, so they never meet deduplication) and 2% repeat an
 * earlier valid employee's id with other spellings. For tests and benchmarks that must not depend on
 * files outside the repository.
 */
public final class SampleEmployees {

  private static final String[] FIRST = {"john", "jane", "mary", "james", "patricia", "michael", "anne-marie",
      "jean-luc", "li", "wei", "josé", "fatima", "olga", "sven", "aisha", "kenji", "priya", "d'arcy", "zoë", "bo"};
  private static final String[] LAST = {"doe", "smith", "garcia", "o'brien", "o'neil", "mcdonald", "smith-jones",
      "van der berg", "de la cruz", "nguyen", "müller", "dubois", "kowalski", "tanaka", "ñandú", "chen"};
  private static final String[] DOMAINS = {"example.com", "acme.io", "corp.example.org", "mail.test.co"};
  private static final String[][] DEPARTMENTS = {
      {"eng", "dev", "Engineering", "engineering", " ENG ", "Dev", "ENGINEERING"},
      {"sales", "Sales", "SALES", " sales "},
      {"mktg", "Marketing", "marketing", "MKTG", "Mktg"},
      {"hr", "HR", "Human Resources", "human resources", " Hr ", "HUMAN RESOURCES"},
      {"finance", "Finance", "Accounting", "accounting", "FINANCE"}};
  private static final String[] TRUE_WORDS = {"true", "yes", "1", "Y", "active", "TRUE", " Yes ", "y", "Active"};
  private static final String[] FALSE_WORDS = {"false", "no", "0", "N", "inactive", "FALSE", " No ", "n"};
  private static final long FIRST_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(2024, 12, 31).toEpochDay();

  private final Random random;
  private final List<Person> earlier = new ArrayList<>();
  private long nextId = 1;

  private SampleEmployees(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} records from {@code seed}. */
  public static List<Record> generate(int count, long seed) {
    SampleEmployees gen = new SampleEmployees(seed);
    List<Record> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(gen.next());
    }
    return out;
  }

  private record Person(long id, String first, String last, int age, int dept, long cents, LocalDate joined,
      boolean active, String domain) {
  }

  private Record next() {
    double x = random.nextDouble();
    if (x < 0.02 && !earlier.isEmpty()) {
      return render(earlier.get(random.nextInt(earlier.size())));
    }
    Person p = person();
    Map<String, Object> rec = new java.util.LinkedHashMap<>(render(p).asMap());
    if (x < 0.07) {
      breakOneRule(rec);
    } else if (earlier.size() < 20_000) {
      earlier.add(p);
    } else {
      earlier.set(random.nextInt(earlier.size()), p);
    }
    return Record.of(rec);
  }

  private Person person() {
    int r = random.nextInt(1000);
    int age = r < 5 ? 16 : r < 10 ? 100 : 18 + random.nextInt(53);
    long dollars = random.nextInt(1000) < 2 ? 1_000_000 : 25_000 + random.nextInt(275_001);
    long cents = dollars * 100 + (dollars < 1_000_000 && random.nextInt(5) == 0 ? 1 + random.nextInt(99) : 0);
    LocalDate joined = LocalDate.ofEpochDay(FIRST_DAY + (long) (random.nextDouble() * (LAST_DAY - FIRST_DAY + 1)));
    return new Person(nextId++, pick(FIRST), pick(LAST), age, random.nextInt(DEPARTMENTS.length), cents, joined,
        random.nextInt(100) < 85, pick(DOMAINS));
  }

  private Record render(Person p) {
    Record.Builder b = Record.builder(10);
    b.put("id", random.nextInt(10) < 3 ? (Object) p.id() : pad(Long.toString(p.id())));
    b.put("name", pad(messCase(p.first()) + pick(new String[] {" ", " ", "  ", "\t "}) + messCase(p.last())));
    String email = (p.first() + "." + p.last()).replaceAll("[^\\p{L}a-z0-9.]", "") + "." + p.id() + "@" + p.domain();
    b.put("email", pad(random.nextInt(4) == 0 ? email.toUpperCase(Locale.ROOT) : email));
    b.put("age", random.nextInt(10) < 3 ? (Object) (long) p.age() : (random.nextInt(50) == 0 ? "+" : "") + p.age());
    b.put("department", pick(DEPARTMENTS[p.dept()]));
    b.put("salary", salary(p.cents()));
    b.put("joinDate", date(p.joined()));
    b.put("isActive", random.nextInt(10) < 2 ? (Object) p.active() : pick(p.active() ? TRUE_WORDS : FALSE_WORDS));
    int r = random.nextInt(100);
    if (r < 20) {
      b.put("metadata", Map.of("source", "hris", "costCenter", "CC-" + (100 + random.nextInt(900))));
    } else if (r < 25) {
      b.put("nickname", "unused");
    }
    return b.build();
  }

  private Object salary(long cents) {
    long dollars = cents / 100;
    long c = cents % 100;
    int r = random.nextInt(10);
    if (r < 2) {
      return c == 0 ? (Object) dollars : BigDecimal.valueOf(cents, 2);
    }
    String body = c != 0 ? String.format(Locale.ROOT, r < 6 ? "%,d.%02d" : "%d.%02d", dollars, c)
        : String.format(Locale.ROOT, r < 6 ? "%,d" : r < 8 ? "%d" : "%,d.00", dollars);
    return pad((random.nextBoolean() ? "$" : "") + body);
  }

  private String date(LocalDate d) {
    int r = random.nextInt(10);
    if (r < 6) {
      return d.toString();
    }
    if (r < 9) {
      return d.toString().replace('-', '/');
    }
    return d + pick(new String[] {"T09:30:00Z", "T17:05:42", "T00:00:00+02:00", "T23:59:59.123Z"});
  }

  private void breakOneRule(Map<String, Object> rec) {
    switch (random.nextInt(13)) {
      case 0 -> rec.put("id", pick(new String[] {"", " ", "   "}));
      case 1 -> rec.put("name", pick(new String[] {"a", "X", " b ", "j"}));
      case 2 -> rec.put("name", "Name ".repeat(21 + random.nextInt(8)));
      case 3 -> rec.put("email", pick(new String[] {"john.doe.example.com", "john doe@example.com", "john@example",
          "john@example.c", "@example.com", ""}));
      case 4 -> rec.put("age", pick(new String[] {"thirty", "30.5", "N/A", "", "3O"}));
      case 5 -> rec.put("age", pick(new String[] {"15", "0", "101", "150", "-5", "+12"}));
      case 6 -> rec.put("department", pick(new String[] {"Legal", "Ops", "R&D", "", "Engineerin", "Human"}));
      case 7 -> rec.put("salary", pick(new String[] {"abc", "N/A", "75k", "", "$", "12.5.0"}));
      case 8 -> rec.put("salary", pick(new String[] {"0", "$0.00", "-5000", "$-1,200", "$1,000,000.01", "1000001"}));
      case 9 -> rec.put("joinDate", pick(new String[] {"15/01/2023", "not-a-date", "2023-13-01", "2023-02-30", ""}));
      case 10 -> rec.put("joinDate", pick(new String[] {"2099-06-01", "2087/03/15", "2101-01-01T08:00:00Z"}));
      case 11 -> rec.put("isActive", pick(new String[] {"maybe", "unknown", "2", "enabled", "", "t"}));
      default -> rec.put("metadata", "not-an-object");
    }
  }

  private String messCase(String s) {
    int r = random.nextInt(20);
    return r < 9 ? s.toLowerCase(Locale.ROOT) : r < 13 ? s.toUpperCase(Locale.ROOT) : s;
  }

  private String pad(String s) {
    return random.nextInt(10) == 0 ? " " + s + "  " : s;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
