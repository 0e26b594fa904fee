package nianbao.batch;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on stderr: a redrawn bar (done/total, rate, ETA) on a terminal, plain lines every few
 * seconds otherwise (logs and CI). A tiny class: the progress-bar libraries redraw from their own
 * thread and need a terminal library, more than this needs.
 */
final class Progress {
    private final PrintWriter out;
    private final int total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long lastPrint;
    private final long intervalNanos;

    Progress(PrintWriter out, int total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
        this.lastPrint = start;
    }

    void step(boolean failedInput) {
        int d = done.incrementAndGet();
        if (failedInput) failed.incrementAndGet();
        long now = System.nanoTime();
        if (d == total || now - lastPrint >= intervalNanos) {
            synchronized (this) {
                if (d != total && now - lastPrint < intervalNanos) return;
                lastPrint = now;
                print(d, now);
            }
        }
    }

    private void print(int d, long now) {
        double secs = Math.max(1e-3, (now - start) / 1e9);
        double rate = d / secs;
        long eta = rate > 0 ? Math.round((total - d) / rate) : 0;
        String stats = String.format("%d/%d  %.1f 份/秒  剩余约 %s  失败 %d", d, total, rate, hms(eta), failed.get());
        if (terminal) {
            int width = 30, filled = total == 0 ? width : (int) ((long) width * d / total);
            out.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + stats + "   ");
            if (d == total) out.println();
        } else {
            out.println("进度 / progress: " + stats);
        }
        out.flush();
    }

    private static String hms(long s) {
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
