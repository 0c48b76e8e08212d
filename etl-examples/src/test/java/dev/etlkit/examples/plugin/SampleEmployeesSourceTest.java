package dev.etlkit.examples.plugin;

import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.testkit.SourceContract;
import java.nio.file.Path;
import java.util.List;

class SampleEmployeesSourceTest extends SourceContract<Record> {

  @Override
  protected Source<Record> createSource(Path dir) {
    return new SampleEmployeesSource(3);
  }

  @Override
  protected List<Record> expectedItems() {
    return List.of(
        Record.of("id", "S00000", "name", " ann  lee", "email", "ANN.0@EXAMPLE.COM", "age", "18", "department", "eng",
            "salary", "$35,000", "joinDate", "2005/01/01", "isActive", "no"),
        Record.of("id", "S00001", "name", " BOB  o'hara", "email", "BOB.1@EXAMPLE.COM", "age", "19", "department", "Sales",
            "salary", "$36,234", "joinDate", "2006/02/02", "isActive", "yes"),
        Record.of("id", "S00002", "name", " carla  SMITH", "email", "CARLA.2@EXAMPLE.COM", "age", "20", "department", "mktg",
            "salary", "$37,468", "joinDate", "2007/03/03", "isActive", "yes"));
  }
}
