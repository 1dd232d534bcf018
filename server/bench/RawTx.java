import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw ceiling: the transaction shape of a booking or a duty claim, straight over JDBC (no server), on the
 * same database in the same benchmark run. Run as a single-file program with the MySQL driver the built jar ships:
 *
 *   java -cp mysql-connector-j.jar bench/RawTx.java booking JDBC_URL CLIENTS SECONDS STATION SERVICE SLOT_ID,SLOT_ID,…
 *   java -cp mysql-connector-j.jar bench/RawTx.java duty    JDBC_URL CLIENTS SECONDS SHIFT_ID MEMBER_ID,MEMBER_ID,…
 *
 * booking: UPDATE booking_slot … booked &lt; capacity, INSERT booking, INSERT notify_outbox, COMMIT; clients take the
 *          slots in turn (50 clients over 7 rows = the contention of the API run).
 * duty:    UPDATE duty_shift … taken &lt; seats, INSERT duty_claim, COMMIT, every client on the one shift.
 * Rows it writes are marked so that they never disturb the API run: bookings of users 900000000+ (no such resident),
 * outbox rows already SENT, claims RELEASED (active_shift NULL, so the unique key never refuses them).
 * Prints: RAW tx_per_sec=… p50_ms=… p99_ms=… committed=… refused=…
 */
public class RawTx {
    public static void main(String[] a) throws Exception {
        String mode = a[0];
        String url = a[1];
        int clients = Integer.parseInt(a[2]);
        long seconds = Long.parseLong(a[3]);
        AtomicLong seq = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] startEnd = new long[2];
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[50_000];
            latencies.add(lat);
            int client = c;
            Thread t = new Thread(() -> {
                try (Connection con = DriverManager.getConnection(url, "root", "")) {
                    con.setAutoCommit(false);
                    Work w = mode.equals("booking") ? booking(con, a) : duty(con, a);
                    ready.countDown();
                    go.await();
                    int n = 0;
                    while (System.nanoTime() < startEnd[1]) {
                        long t0 = System.nanoTime();
                        boolean ok = w.run(client, seq.incrementAndGet());
                        con.commit();
                        long t1 = System.nanoTime();
                        if (t1 <= startEnd[1] && n < lat.length) {
                            lat[n++] = t1 - t0;
                            (ok ? committed : refused).incrementAndGet();
                        }
                    }
                    lat[lat.length - 1] = n; // count in the last cell
                } catch (Exception e) {
                    System.err.println("client " + client + ": " + e);
                    ready.countDown();
                }
            });
            threads.add(t);
            t.start();
        }
        ready.await();
        startEnd[0] = System.nanoTime();
        startEnd[1] = startEnd[0] + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        int total = 0;
        for (long[] l : latencies) {
            total += (int) l[l.length - 1];
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        double secs = seconds;
        System.out.printf("RAW %s clients=%d seconds=%d tx_per_sec=%.1f p50_ms=%.2f p99_ms=%.2f committed=%d refused=%d%n", mode,
                clients, seconds, total / secs, pct(all, 0.50), pct(all, 0.99), committed.get(), refused.get());
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    interface Work {
        boolean run(int client, long n) throws Exception;
    }

    /** Seat UPDATE + booking INSERT + outbox INSERT, the statements of BookingService.doBook's write part. */
    static Work booking(Connection con, String[] a) throws Exception {
        long station = Long.parseLong(a[4]);
        long service = Long.parseLong(a[5]);
        long[] slots = Arrays.stream(a[6].split(",")).mapToLong(Long::parseLong).toArray();
        PreparedStatement seat = con.prepareStatement(
                "UPDATE booking_slot SET booked = booked + 1 WHERE id = ? AND status = 'OPEN' AND booked < capacity");
        PreparedStatement ins = con.prepareStatement("INSERT INTO booking (slot_id, station_id, user_id, service_id, note, status, "
                + "active_slot_id, idempotency_key, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 'CONFIRMED', ?, ?, NOW(3), NOW(3))");
        PreparedStatement out = con.prepareStatement("INSERT INTO notify_outbox (dedup_key, user_id, template, page, data_json, status, "
                + "attempts, next_attempt_at, created_at) VALUES (?, ?, 'booking-confirmed', 'pages/booking/mine/index', ?, 'SENT', 0, "
                + "NOW(3), NOW(3))");
        String data = "{\"thing1\":\"法律援助\",\"time2\":\"2026-12-01 23:00~23:50\",\"thing3\":\"春园社区红色驿站\","
                + "\"thing4\":\"预约成功，请按时到驿站办理\"}";
        return (client, n) -> {
            long slot = slots[(int) (n % slots.length)];
            seat.setLong(1, slot);
            if (seat.executeUpdate() == 0) {
                con.rollback();
                return false;
            }
            long user = 900_000_000L + n;
            ins.setLong(1, slot);
            ins.setLong(2, station);
            ins.setLong(3, user);
            ins.setLong(4, service);
            ins.setLong(5, slot);
            ins.setString(6, "raw-" + n);
            ins.executeUpdate();
            out.setString(1, "raw-booking:" + n + ":" + System.nanoTime());
            out.setLong(2, user);
            out.setString(3, data);
            out.executeUpdate();
            return true;
        };
    }

    /** Shift seat UPDATE + claim INSERT, the statements of ClaimService.claimInTx's write part. */
    static Work duty(Connection con, String[] a) throws Exception {
        long shift = Long.parseLong(a[4]);
        long[] members = Arrays.stream(a[5].split(",")).mapToLong(Long::parseLong).toArray();
        PreparedStatement seat = con.prepareStatement(
                "UPDATE duty_shift SET taken = taken + 1 WHERE id = ? AND status = 'OPEN' AND taken < seats AND start_at > NOW()");
        Object[] row = new Object[3];
        try (var st = con.prepareStatement("SELECT station_id, start_at, end_at FROM duty_shift WHERE id = ?")) {
            st.setLong(1, shift);
            try (var rs = st.executeQuery()) {
                rs.next();
                row[0] = rs.getLong(1);
                row[1] = rs.getTimestamp(2);
                row[2] = rs.getTimestamp(3);
            }
        }
        con.commit();
        PreparedStatement ins = con.prepareStatement("INSERT INTO duty_claim (shift_id, member_id, user_id, station_id, start_at, "
                + "end_at, status, active_shift, created_at, updated_at) VALUES (?, ?, 900000000, ?, ?, ?, 'RELEASED', NULL, NOW(3), "
                + "NOW(3))");
        return (client, n) -> {
            seat.setLong(1, shift);
            if (seat.executeUpdate() == 0) {
                con.rollback();
                return false;
            }
            ins.setLong(1, shift);
            ins.setLong(2, members[(int) (n % members.length)]);
            ins.setLong(3, (Long) row[0]);
            ins.setTimestamp(4, (java.sql.Timestamp) row[1]);
            ins.setTimestamp(5, (java.sql.Timestamp) row[2]);
            ins.executeUpdate();
            return true;
        };
    }
}
