/**
 * Learning-rate (and momentum) schedules for DL4J updaters: immutable {@code ISchedule}s with closed forms, exact
 * against PyTorch's schedulers, that survive JSON, Java serialization and {@code ModelSerializer}.
 *
 * <pre>{@code
 *   ISchedule lr = new WarmupSchedule(ScheduleType.ITERATION, 500, 0.0,
 *           new CosineDecaySchedule(ScheduleType.ITERATION, 1e-3, 1e-5, 20_000));
 *   builder.updater(new Adam(lr));
 * }</pre>
 *
 * <p>Every schedule validates its arguments in its constructor (so JSON is checked too) and documents its formula,
 * the counter it reads, its behaviour past the end and worked values. {@link io.github.dl4jlr.schedule.ScaledSchedule}
 * multiplies any schedule; {@link io.github.dl4jlr.schedule.SequentialSchedule} and
 * {@link io.github.dl4jlr.schedule.WarmupSchedule} compose them.
 *
 * @serial exclude
 */
package io.github.dl4jlr.schedule;
