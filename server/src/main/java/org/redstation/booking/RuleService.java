package org.redstation.booking;

import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Getter;
import lombok.Setter;
import lombok.experimental.Accessors;

/** A catalogue service ({@code service_item.id}) a rule takes bookings for ({@code booking_rule_service}). */
@Getter
@Setter
@Accessors(fluent = true, chain = true)
@TableName("booking_rule_service")
class RuleService {
    private long ruleId;
    private long serviceId;
}
