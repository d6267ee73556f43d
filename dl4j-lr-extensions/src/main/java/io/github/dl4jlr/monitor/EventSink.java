package io.github.dl4jlr.monitor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything the monitor says goes, in one place: the log line (logger {@code TrainingHealthMonitor}), the
 * record in the report, and the CSV row. Only the monitor calls it, under its lock.
 */
final class EventSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingHealthMonitor.class);

    private final MonitorCsv csv;
    private final List<RatioCheck> checks = new ArrayList<>();
    private final List<MonitorEvent> events = new ArrayList<>();
    private final List<RollbackRecord> rollbacks = new ArrayList<>();
    private final List<LossStall> stalls = new ArrayList<>();

    /** @param csv the CSV file, or null for none */
    EventSink(Path csv) {
        this.csv = csv == null ? null : new MonitorCsv(csv);
    }

    /** A healthy check: INFO line, report, CSV rows. */
    void check(RatioCheck c) {
        checks.add(c);
        if (log.isInfoEnabled()) {
            log.info(MonitorMessages.check(c));
        }
        if (csv != null) {
            csv.write(c);
        }
    }

    /** An event, logged at {@code level}. */
    void event(Level level, MonitorEvent e) {
        events.add(e);
        log.atLevel(level).log(e.message());
    }

    /** An event that is not logged (its text travels in an exception). */
    void record(MonitorEvent e) {
        events.add(e);
    }

    /** A restore, with its event (WARN). */
    void recovery(RollbackRecord r, MonitorEvent e) {
        rollbacks.add(r);
        event(Level.WARN, e);
    }

    /** A stalled loss, with its event. */
    void stall(LossStall s, Level level, MonitorEvent e) {
        stalls.add(s);
        event(level, e);
    }

    MonitorReport report(double low, double high) {
        return new MonitorReport(checks, events, rollbacks, stalls, low, high);
    }

    void flush() {
        if (csv != null) {
            csv.flush();
        }
    }

    @Override
    public void close() {
        if (csv != null) {
            csv.close();
        }
    }
}
