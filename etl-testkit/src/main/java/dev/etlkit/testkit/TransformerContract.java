package dev.etlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.StatefulTransformer;
import dev.etlkit.api.Transformer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Transformer} keeps. Extend it in your transformer's test with a factory
 * and sample inputs (include some the transformer rejects); the inherited tests check that inputs are
 * never mutated, that results are repeatable, that an unordered transformer gives the same results
 * when called from many threads at once, and that a {@link StatefulTransformer} restored from its
 * checkpoint deltas after any input goes on exactly as if it had never stopped (give it inputs whose
 * outcome depends on the state: repeated keys for a deduplication).
 *
 * @param <I> input type
 * @param <O> output type
 */
public abstract class TransformerContract<I, O> {

  /** The fixed clock the contract opens transformers with. */
  protected static final Clock CLOCK = TestPipeline.CLOCK;

  /** A new transformer, not yet opened. */
  protected abstract Transformer<I, O> createTransformer() throws Exception;

  /** Inputs to transform; include some that are rejected. */
  protected abstract List<I> sampleInputs();

  @Test
  void hasANonBlankName() throws Exception {
    assertThat(createTransformer().name()).isNotBlank();
  }

  @Test
  void neverMutatesItsInput() throws Exception {
    List<I> inputs = sampleInputs();
    List<String> before = inputs.stream().map(String::valueOf).toList();
    runSequentially(createTransformer(), inputs);
    assertThat(inputs.stream().map(String::valueOf).toList()).isEqualTo(before);
  }

  @Test
  void givesTheSameResultsWhenRunAgain() throws Exception {
    assertThat(runSequentially(createTransformer(), sampleInputs()))
        .isEqualTo(runSequentially(createTransformer(), sampleInputs()));
  }

  @Test
  void givesTheSameResultsFromManyThreadsUnlessOrdered() throws Exception {
    Transformer<I, O> transformer = createTransformer();
    Assumptions.assumeFalse(transformer.ordered(), "an ordered transformer is only ever called from one thread");
    List<I> inputs = sampleInputs();
    List<String> expected = runSequentially(createTransformer(), inputs);
    transformer.open(TestContexts.transform(CLOCK));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (I input : inputs) {
          futures.add(pool.submit(() -> transformOne(transformer, input)));
        }
      }
      List<String> got = new ArrayList<>();
      for (Future<String> f : futures) {
        got.add(f.get());
      }
      for (int round = 0; round < 20; round++) {
        assertThat(got.subList(round * inputs.size(), (round + 1) * inputs.size())).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
      transformer.close();
    }
  }

  @Test
  void goesOnAfterARestoreFromItsDeltasAsIfItHadNeverStopped() throws Exception {
    Assumptions.assumeTrue(createTransformer() instanceof StatefulTransformer, "not a StatefulTransformer");
    List<I> inputs = sampleInputs();
    List<String> uninterrupted = runSequentially(createTransformer(), inputs);
    for (int stop = 1; stop < inputs.size(); stop++) {
      // the first attempt checkpoints after every second input and once more where it stops
      StatefulTransformer<I, O> first = (StatefulTransformer<I, O>) createTransformer();
      List<byte[]> deltas = new ArrayList<>();
      List<String> got = new ArrayList<>();
      first.open(TestContexts.transform(CLOCK));
      try {
        for (int i = 0; i < stop; i++) {
          got.add(transformOne(first, inputs.get(i)));
          if (i % 2 == 1 || i == stop - 1) {
            byte[] delta = first.checkpointDelta();
            if (delta.length > 0) {   // the engine logs only deltas that hold something
              deltas.add(delta.clone());
            }
          }
        }
      } finally {
        first.close();
      }
      StatefulTransformer<I, O> resumed = (StatefulTransformer<I, O>) createTransformer();
      resumed.open(TestContexts.transform(CLOCK));
      try {
        resumed.restore(deltas);
        for (int i = stop; i < inputs.size(); i++) {
          got.add(transformOne(resumed, inputs.get(i)));
        }
      } finally {
        resumed.close();
      }
      assertThat(got).as("outcomes when resumed after %d of %d inputs", stop, inputs.size()).isEqualTo(uninterrupted);
    }
  }

  /** Each input's outcome as text: the emitted items, "duplicate", or "rejected: message". */
  protected List<String> runSequentially(Transformer<I, O> transformer, List<I> inputs) throws Exception {
    transformer.open(TestContexts.transform(CLOCK));
    try {
      List<String> out = new ArrayList<>();
      for (I input : inputs) {
        out.add(transformOne(transformer, input));
      }
      return out;
    } finally {
      transformer.close();
    }
  }

  private String transformOne(Transformer<I, O> transformer, I input) {
    List<O> emitted = new ArrayList<>();
    boolean[] duplicate = {false};
    try {
      transformer.transform(input, new Emitter<>() {
        @Override
        public void emit(O item) {
          emitted.add(item);
        }

        @Override
        public void duplicate() {
          duplicate[0] = true;
        }
      });
    } catch (Exception e) {
      return "rejected: " + e.getMessage();
    }
    return duplicate[0] ? "duplicate" : emitted.toString();
  }
}
