package org.redstation.station;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.station.StationModel.CatalogueEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district's service catalogue: every staff member reads it, district administrators change it. */
@Service
class CatalogueAdminService {
    private final ServiceItemMapper items;
    private final StationRepository repo;
    private final StationAuditLog audit;
    private final StationViewCache cache;
    private final Clock clock;

    CatalogueAdminService(ServiceItemMapper items, StationRepository repo, StationAuditLog audit, StationViewCache cache,
                          Clock clock) {
        this.items = items;
        this.repo = repo;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    record ServiceFields(String name, String category, String description, UsageMode usageMode, Boolean enabled,
                         String whatToBring) {
    }

    List<CatalogueEntry> catalogue(CurrentStaff staff) {
        return items.selectList(new LambdaQueryWrapper<ServiceItem>().orderByAsc(ServiceItem::getId)).stream()
                .map(CatalogueEntry::of).toList();
    }

    @Transactional
    public CatalogueEntry create(CurrentStaff staff, ServiceFields f) {
        staff.requireDistrictAdmin();
        LocalDateTime now = LocalDateTime.now(clock);
        ServiceItem s = new ServiceItem();
        apply(s, f);
        s.setCreatedAt(now);
        s.setUpdatedAt(now);
        try {
            items.insert(s);
        } catch (DuplicateKeyException e) {
            throw new BizException(StationError.SERVICE_NAME_TAKEN, StationError.SERVICE_NAME_TAKEN.message(), "name");
        }
        audit.record(staff, null, s.getId(), "SERVICE_CREATE", f);
        return CatalogueEntry.of(items.selectById(s.getId()));
    }

    @Transactional
    public CatalogueEntry update(CurrentStaff staff, long id, ServiceFields f) {
        staff.requireDistrictAdmin();
        ServiceItem before = items.selectById(id);
        if (before == null) {
            throw new BizException(StationError.SERVICE_NOT_FOUND);
        }
        ServiceItem after = new ServiceItem();
        after.setId(id);
        apply(after, f);
        after.setUpdatedAt(LocalDateTime.now(clock));
        try {
            items.updateAll(after);
        } catch (DuplicateKeyException e) {
            throw new BizException(StationError.SERVICE_NAME_TAKEN, StationError.SERVICE_NAME_TAKEN.message(), "name");
        }
        audit.record(staff, null, id, "SERVICE_UPDATE", Map.of("before", CatalogueEntry.of(before), "after", f));
        repo.stationsOffering(id).forEach(cache::evictAfterCommit);
        return CatalogueEntry.of(items.selectById(id));
    }

    private static void apply(ServiceItem s, ServiceFields f) {
        s.setName(f.name());
        s.setCategory(f.category());
        s.setDescription(f.description());
        s.setWhatToBring(f.whatToBring() == null || f.whatToBring().isBlank() ? null : f.whatToBring().strip());
        s.setUsageMode(f.usageMode());
        s.setEnabled(f.enabled() == null || f.enabled());
    }
}
