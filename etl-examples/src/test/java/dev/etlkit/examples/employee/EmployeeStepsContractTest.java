package dev.etlkit.examples.employee;

import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.testkit.TransformerContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Each step of the employee profile keeps the transformer contract (repeatable, thread-safe, inputs untouched). */
class EmployeeStepsContractTest {

  /** Raw records, valid and not, with duplicates. */
  static List<Record> samples() {
    return SampleEmployees.generate(300, 11);
  }

  /** Normalized records, for the steps that come after normalization. */
  static List<Record> normalizedSamples() throws Exception {
    List<Record> out = new java.util.ArrayList<>();
    for (Record r : samples()) {
      out.addAll(Outcomes.emitted(EmployeeRules.normalize(), r));
    }
    return out;
  }

  @Nested
  class Normalize extends TransformerContract<Record, Record> {
    @Override
    protected Transformer<Record, Record> createTransformer() {
      return EmployeeRules.normalize();
    }

    @Override
    protected List<Record> sampleInputs() {
      return samples();
    }
  }

  @Nested
  class ValidateWithRules extends TransformerContract<Record, Record> {
    @Override
    protected Transformer<Record, Record> createTransformer() {
      return EmployeeRules.validateWithRules();
    }

    @Override
    protected List<Record> sampleInputs() {
      try {
        return normalizedSamples();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Nested
  class ValidateWithBeans extends TransformerContract<Record, Record> {
    @Override
    protected Transformer<Record, Record> createTransformer() {
      return EmployeeRules.validateWithBeans();
    }

    @Override
    protected List<Record> sampleInputs() {
      try {
        return normalizedSamples();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Nested
  class Enrich extends TransformerContract<Record, Record> {
    @Override
    protected Transformer<Record, Record> createTransformer() {
      return EmployeeRules.enrich();
    }

    @Override
    protected List<Record> sampleInputs() {
      return samples();
    }
  }

  @Nested
  class Deduplicate extends TransformerContract<Record, Record> {
    @Override
    protected Transformer<Record, Record> createTransformer() {
      return EmployeeRules.deduplicate();
    }

    @Override
    protected List<Record> sampleInputs() {
      return samples();
    }
  }
}
