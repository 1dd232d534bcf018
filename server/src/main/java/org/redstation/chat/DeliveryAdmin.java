package org.redstation.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff view of customer-service deliveries that were given up (FAILED), and their retry. A delivery belongs to
 * the community of its conversation; those outside a conversation (notices) are for district administrators.
 */
@Service
class DeliveryAdmin {
    private static final DateTimeFormatter FMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final DeliveryMapper deliveries;
    private final MessageMapper messages;
    private final Deliveries sender;
    private final Clock clock;

    DeliveryAdmin(DeliveryMapper deliveries, MessageMapper messages, Deliveries sender, Clock clock) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.sender = sender;
        this.clock = clock;
    }

    record DeliveryView(long id, String kind, String kindName, Long conversationId, Long communityId, String to,
                        String content, String status, String statusName, int attempts, String nextAttemptAt,
                        String lastError, String createdAt) {
        static DeliveryView of(DeliveryMapper.StaffDeliveryRow r) {
            return new DeliveryView(r.getId(), r.getKind().name(), r.getKind().label(), r.getConversationId(),
                    r.getCommunityId(), ChatUsers.shortId(r.getToOpenid()), Deliveries.abbreviate(r.getContent(), 60),
                    r.getStatus().name(), r.getStatus().label(), r.getAttempts(), fmt(r.getNextAttemptAt()),
                    r.getLastError(), fmt(r.getCreatedAt()));
        }
    }

    /** The latest 100 deliveries of a status (FAILED by default) in the staff member's scope. */
    List<DeliveryView> list(CurrentStaff staff, String status) {
        DeliveryStatus s = DeliveryStatus.parse(status);
        Optional<List<Long>> scope = staff.scope();
        if (scope.isPresent() && scope.get().isEmpty()) {
            return List.of();
        }
        return deliveries.forStaff(s, scope.orElse(null)).stream().map(DeliveryView::of).toList();
    }

    /** Makes a FAILED delivery due again at once (a fresh set of attempts) and hands it to the senders. */
    @Transactional
    DeliveryView retry(CurrentStaff staff, long id) {
        DeliveryMapper.StaffDeliveryRow r = deliveries.oneForStaff(id);
        if (r == null) {
            throw new BizException(ChatError.DELIVERY_NOT_FOUND);
        }
        if (r.getCommunityId() == null) {
            staff.requireDistrictAdmin();
        } else {
            staff.requireCommunity(r.getCommunityId());
        }
        if (deliveries.retryFailed(id, LocalDateTime.now(clock)) == 0) {
            throw new BizException(ChatError.DELIVERY_NOT_FAILED);
        }
        if (r.getMessageId() != null) {
            messages.setDelivery(r.getMessageId(), MessageDelivery.PENDING, null);
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        sender.submit(id);
                    }
                });
        return DeliveryView.of(deliveries.oneForStaff(id));
    }

    private static String fmt(LocalDateTime t) {
        return t == null ? null : t.format(FMT);
    }
}
