package org.redstation.chat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redstation.booking.BookingQueries;
import org.redstation.nlu.Gazetteer;
import org.redstation.nlu.Understanding;
import org.redstation.nlu.When;
import org.redstation.station.CatalogueService;
import org.redstation.station.CommunityRef;
import org.redstation.station.NextSlotsProvider;
import org.redstation.station.OnDutyProvider;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Answers with data for the understood intents: stations (by name, by service, near me), what a station offers,
 * its status and service times, slots of a service at a place on a day (bookable services only), the resident's
 * bookings (with cancel), who is on duty. Missing slots are filled from what the bot knows about the resident
 * (the station of the poster they scanned, their community); otherwise the bot asks, with quick replies.
 */
@Component
class IntentAnswers {
    static final int CARDS = 3;
    private final StationApi stations;
    private final ObjectProvider<NextSlotsProvider> slots;
    private final ObjectProvider<OnDutyProvider> duty;
    private final BookingQueries bookings;
    private final java.time.Clock clock;

    IntentAnswers(StationApi stations, ObjectProvider<NextSlotsProvider> slots, ObjectProvider<OnDutyProvider> duty,
                  BookingQueries bookings, java.time.Clock clock) {
        this.clock = clock;
        this.stations = stations;
        this.slots = slots;
        this.duty = duty;
        this.bookings = bookings;
    }

    Answer myBookings(ChatUsers.ChatUser u, boolean toCancel) {
        if (u.appUserId() == null) {
            return Answer.text(ModuleBotCommands.NOT_LINKED);
        }
        List<BookingQueries.UpcomingBooking> mine = bookings.upcoming(u.appUserId(), BookingReplies.SHOWN);
        if (mine.isEmpty()) {
            return Answer.of(new Answer.Text("您目前没有待参加的预约。"), new Answer.Chips(List.of("预约服务", "附近驿站")));
        }
        List<Answer.Part> parts = new ArrayList<>();
        parts.add(new Answer.Text(toCancel ? "请在下面选择要取消的预约（开始前一段时间内不能取消）：" : "您有" + mine.size() + "个待参加的预约："));
        mine.forEach(b -> parts.add(new Answer.BookingCard(b.bookingId(), b.date().toString(), hm(b.start()), hm(b.end()),
                b.stationName(), b.serviceName(), b.statusLabel(), true)));
        return new Answer(parts);
    }

    Answer bookSlot(GazetteerSource.Snapshot names, ChatUsers.ChatUser u, Understanding q) {
        StationRef station = stationFor(names, u, q);
        Gazetteer.Service service = q.service();
        if (service == null && q.place() == null) {
            return null; // "预约" alone: the built-in words link the booking page
        }
        if (service == null) {
            return Answer.of(new Answer.Text("请问您想预约什么服务？"), new Answer.Chips(bookableNames(names, station)));
        }
        if (station == null) {
            List<StationRef> offering = names.offering(service.id());
            if (offering.isEmpty()) {
                return Answer.text("暂时没有驿站提供“" + service.name() + "”。");
            }
            return Answer.of(new Answer.Text("请问您想在哪个驿站办理“" + service.name() + "”？"),
                    new Answer.Chips(offering.stream().limit(5).map(s -> shortName(s) + service.name()).toList()));
        }
        Optional<CatalogueService> offered = stations.offeredService(station.id(), service.id());
        if (offered.isEmpty() || !offered.get().enabled()) {
            List<Answer.Part> parts = new ArrayList<>();
            parts.add(new Answer.Text(station.name() + "暂不提供“" + service.name() + "”，这些驿站可以办理："));
            names.offering(service.id()).stream().limit(CARDS).forEach(s -> parts.add(card(s, null)));
            return new Answer(parts);
        }
        if (!offered.get().bookable()) {
            return Answer.of(new Answer.Text("“" + service.name() + "”无需预约，驿站开放时间内直接前往即可（"
                    + offered.get().usageMode().label() + "）。"), card(station, serviceTimes(station)));
        }
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
        List<BookingQueries.ServiceSlot> all = bookings.slotsOf(station.id(), service.id(), 14).stream()
                .filter(s -> s.date().atTime(s.start()).isAfter(now)).toList();
        List<BookingQueries.ServiceSlot> fit = all.stream().filter(s -> fits(s.date(), s.start(), s.end(), q.when())).limit(CARDS).toList();
        List<Answer.Part> parts = new ArrayList<>();
        if (fit.isEmpty()) {
            parts.add(new Answer.Text(all.isEmpty() ? station.name() + "近期没有可预约“" + service.name() + "”的时段。"
                    : station.name() + "在您说的时间没有可预约的时段，最近的有："));
            all.stream().limit(CARDS).forEach(s -> parts.add(slot(s, station, service)));
        } else {
            parts.add(new Answer.Text(station.name() + "可以预约“" + service.name() + "”，点时段即可预约："));
            fit.forEach(s -> parts.add(slot(s, station, service)));
        }
        return new Answer(parts);
    }

    Answer findStation(GazetteerSource.Snapshot names, ChatUsers.ChatUser u, Understanding q) {
        if (q.nearMe()) {
            return Answer.of(new Answer.AskLocation("请发送您的位置，我来找离您最近的驿站。"));
        }
        if (q.service() != null && q.place() == null) {
            List<StationRef> offering = names.offering(q.service().id());
            if (offering.isEmpty()) {
                return Answer.text("暂时没有驿站提供“" + q.service().name() + "”。");
            }
            List<Answer.Part> parts = new ArrayList<>();
            parts.add(new Answer.Text("这些驿站可以办理“" + q.service().name() + "”："));
            offering.stream().limit(CARDS).forEach(s -> parts.add(card(s, null)));
            return new Answer(parts);
        }
        if (q.place() == null) {
            return null; // "驿站在哪" without a place: the keyword rules and the built-in words know better
        }
        List<StationRef> found = q.place().stationId() != null ? List.of(names.station(q.place().stationId()))
                : names.ofCommunity(q.place().communityId());
        if (found.isEmpty() || found.get(0) == null) {
            return null;
        }
        List<Answer.Part> parts = new ArrayList<>();
        found.stream().limit(CARDS).forEach(s -> parts.add(card(s, null)));
        if (found.size() == 1) {
            parts.add(dutyCard(found.get(0)));
        }
        return new Answer(parts);
    }

    Answer openingHours(GazetteerSource.Snapshot names, ChatUsers.ChatUser u, Understanding q) {
        StationRef s = stationFor(names, u, q);
        if (s == null) {
            return askStation(names, "请问您问的是哪个驿站？");
        }
        return Answer.of(new Answer.Text(s.name() + (s.isOpen() ? "正常开放。" : "目前" + s.statusLabel() + "。")),
                card(s, serviceTimes(s)));
    }

    Answer services(GazetteerSource.Snapshot names, ChatUsers.ChatUser u, Understanding q) {
        StationRef s = stationFor(names, u, q);
        if (s == null) {
            if (q.service() != null) {
                return findStation(names, u, q);
            }
            return askStation(names, "请问您问的是哪个驿站？");
        }
        List<CatalogueService> offered = names.offered().getOrDefault(s.id(), List.of()).stream().filter(CatalogueService::enabled).toList();
        if (q.service() != null) {
            Optional<CatalogueService> one = offered.stream().filter(c -> c.id() == q.service().id()).findFirst();
            if (one.isEmpty()) {
                return Answer.of(new Answer.Text(s.name() + "暂不提供“" + q.service().name() + "”。"),
                        new Answer.Chips(List.of("哪里能办" + q.service().name())));
            }
            return Answer.of(new Answer.Text(s.name() + "可以办理“" + one.get().name() + "”（" + one.get().usageMode().label() + "）。"),
                    card(s, null), new Answer.Chips(one.get().bookable() ? List.of("预约" + one.get().name()) : List.of("开放时间")));
        }
        StringBuilder b = new StringBuilder(s.name()).append("提供：");
        offered.forEach(c -> b.append("\n· ").append(c.name()).append(c.bookable() ? "（可预约）" : ""));
        return Answer.of(new Answer.Text(offered.isEmpty() ? s.name() + "暂未公布服务项目。" : b.toString()), card(s, null));
    }

    Answer onDuty(GazetteerSource.Snapshot names, ChatUsers.ChatUser u, Understanding q) {
        StationRef s = stationFor(names, u, q);
        if (s == null) {
            return askStation(names, "请问您想问哪个驿站的值班？");
        }
        return Answer.of(new Answer.Text(s.name() + "（" + s.statusLabel() + "）"), dutyCard(s));
    }

    // ---- parts ----

    Answer.StationCard card(StationRef s, String note) {
        String phone = stations.community(s.communityId()).map(CommunityRef::phone).orElse(null);
        return new Answer.StationCard(s.id(), s.name(), s.communityName(), s.address(), s.status(), s.statusLabel(),
                s.latitude(), s.longitude(), phone, note);
    }

    private Answer.DutyCard dutyCard(StationRef s) {
        OnDutyProvider p = duty.getIfAvailable();
        List<Answer.DutyCard.Person> people = p == null ? List.of() : p.onDutyNow(s.id()).stream()
                .map(x -> new Answer.DutyCard.Person(x.maskedName(), x.organisation(), x.until())).toList();
        return new Answer.DutyCard(s.id(), s.name(), people);
    }

    private static Answer.SlotCard slot(BookingQueries.ServiceSlot s, StationRef station, Gazetteer.Service service) {
        return new Answer.SlotCard(s.slotId(), station.id(), station.name(), service.id(), service.name(), s.date().toString(),
                hm(s.start()), hm(s.end()), s.seatsLeft(), s.waitlistOpen());
    }

    /** "近期服务时段：12月3日（周三）18:00-19:00 晚间一小时 …" from the next open slots. */
    private String serviceTimes(StationRef s) {
        List<NextSlotsProvider.SlotSummary> next = nextSlots(s.id()).stream().limit(CARDS).toList();
        if (next.isEmpty()) {
            return "开放时间以驿站公示为准。";
        }
        StringBuilder b = new StringBuilder("近期服务时段：");
        next.forEach(x -> b.append("\n").append(AnswerText.day(x.date())).append(' ').append(x.start()).append('-').append(x.end())
                .append(' ').append(x.kindName()));
        return b.toString();
    }

    private List<NextSlotsProvider.SlotSummary> nextSlots(long stationId) {
        NextSlotsProvider p = slots.getIfAvailable();
        return p == null ? List.of() : p.nextSlots(stationId, 60);
    }

    private Answer askStation(GazetteerSource.Snapshot names, String question) {
        return Answer.of(new Answer.Text(question), new Answer.Chips(names.stations().stream().limit(5).map(IntentAnswers::shortName).toList()));
    }

    private List<String> bookableNames(GazetteerSource.Snapshot names, StationRef station) {
        List<CatalogueService> pool = station != null ? names.offered().getOrDefault(station.id(), List.of())
                : names.offered().values().stream().flatMap(List::stream).distinct().toList();
        return pool.stream().filter(CatalogueService::bookable).map(CatalogueService::name).distinct().limit(5).toList();
    }

    /** The place said, else the station of the poster the resident scanned, else their community's first station. */
    static StationRef stationFor(GazetteerSource.Snapshot names, ChatUsers.ChatUser u, Understanding q) {
        if (q.place() != null) {
            if (q.place().stationId() != null) {
                return names.station(q.place().stationId());
            }
            return names.ofCommunity(q.place().communityId()).stream().findFirst().orElse(null);
        }
        if (u.stationId() != null && names.station(u.stationId()) != null) {
            return names.station(u.stationId());
        }
        return u.communityId() == null ? null : names.ofCommunity(u.communityId()).stream().findFirst().orElse(null);
    }

    /** A slot on the day(s) said and overlapping the time said (anything when nothing was said). */
    static boolean fits(LocalDate d, LocalTime start, LocalTime end, When w) {
        if (w == null) {
            return true;
        }
        if (w.hasDate() && (d.isBefore(w.from()) || d.isAfter(w.to()))) {
            return false;
        }
        if (w.hasTime()) {
            LocalTime wEnd = w.end().equals(w.start()) ? w.start().plusMinutes(1) : w.end();
            return start.isBefore(wEnd) && end.isAfter(w.start());
        }
        return true;
    }

    /** "春园社区红色驿站" → "春园" (what residents say). */
    static String shortName(StationRef s) {
        String n = s.communityName() == null ? s.name() : s.communityName();
        return n.endsWith("社区") ? n.substring(0, n.length() - 2) : n;
    }

    private static String hm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }
}
