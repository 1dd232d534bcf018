package org.redstation.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bot answers, independent of the channel: parts (text, cards, quick replies, hand-off). The official
 * account renders them as one text with links ({@link AnswerText}), the assistant page as JSON, mini-program
 * customer service as text messages.
 */
record Answer(List<Part> parts) {

    Answer {
        parts = List.copyOf(parts);
    }

    static Answer text(String text) {
        return new Answer(List.of(new Text(text)));
    }

    static Answer of(Part... parts) {
        return new Answer(List.of(parts));
    }

    Answer plus(Part part) {
        List<Part> all = new ArrayList<>(parts);
        all.add(part);
        return new Answer(all);
    }

    /** True when the message went to staff (the conversation number is in the hand-off part). */
    boolean handedOff() {
        return parts.stream().anyMatch(p -> p instanceof HandOff);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Text.class, name = "text"),
            @JsonSubTypes.Type(value = StationCard.class, name = "station"),
            @JsonSubTypes.Type(value = SlotCard.class, name = "slot"),
            @JsonSubTypes.Type(value = BookingCard.class, name = "booking"),
            @JsonSubTypes.Type(value = DutyCard.class, name = "duty"),
            @JsonSubTypes.Type(value = Chips.class, name = "chips"),
            @JsonSubTypes.Type(value = AskLocation.class, name = "location"),
            @JsonSubTypes.Type(value = HandOff.class, name = "handoff")})
    sealed interface Part permits Text, StationCard, SlotCard, BookingCard, DutyCard, Chips, AskLocation, HandOff {
    }

    record Text(String text) implements Part {
    }

    /** A station with 导航 (latitude/longitude) and 打电话 (phone, may be null). */
    record StationCard(long stationId, String name, String communityName, String address, String status,
                       String statusName, double latitude, double longitude, String phone, String note) implements Part {
    }

    /** A bookable slot: the page opens the booking form with stationId, slotId and serviceId filled in. */
    record SlotCard(long slotId, long stationId, String stationName, Long serviceId, String serviceName, String date,
                    String start, String end, int seatsLeft, boolean waitlistOpen) implements Part {
    }

    /** One of the resident's upcoming bookings; {@code cancellable} shows the 取消 button. */
    record BookingCard(long bookingId, String date, String start, String end, String stationName, String serviceName,
                       String statusName, boolean cancellable) implements Part {
    }

    record DutyCard(long stationId, String stationName, List<Person> people) implements Part {
        record Person(String maskedName, String organisation, String until) {
        }
    }

    /** Quick replies: tapping one sends its text. */
    record Chips(List<String> chips) implements Part {
    }

    /** Asks for the resident's location (the page opens the location picker, the official account says how). */
    record AskLocation(String text) implements Part {
    }

    /** The message went to the community's staff, in conversation {@code conversationId}. */
    record HandOff(long conversationId, String text) implements Part {
    }
}
