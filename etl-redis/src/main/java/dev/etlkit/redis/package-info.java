/**
 * Run state on Redis: {@link dev.etlkit.redis.RedisCheckpointStore} keeps checkpoints, logs and final
 * results, and {@link dev.etlkit.redis.RedisProgressPublisher} shows a run's progress to other processes.
 */
@NullMarked
package dev.etlkit.redis;

import org.jspecify.annotations.NullMarked;
