package org.redstation.wish;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.redstation.auth.CurrentUser;
import org.redstation.common.BizException;
import org.redstation.wish.WishPhotos.Photo;
import org.redstation.wish.WishPhotos.PhotoRef;
import org.redstation.wish.WishService.NewWish;
import org.redstation.wish.WishViews.WishView;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Residents' needs and wishes (群众点单), and the assignee's tasks (单位接单). */
@RestController
@Tag(name = "心愿与诉求（居民、接单方）")
class WishController {
    private final WishService wishes;
    private final WishTaskService tasks;
    private final WishPhotos photos;

    WishController(WishService wishes, WishTaskService tasks, WishPhotos photos) {
        this.wishes = wishes;
        this.tasks = tasks;
        this.photos = photos;
    }

    record Option(String value, String label) {
    }

    record PostBody(@NotNull(message = "请选择类别") WishCategory category,
                    @NotBlank(message = "请写下您的心愿或诉求") @Size(max = 500, message = "不能超过500字") String content,
                    Long stationId, Long communityId, Boolean mayContact) {
    }

    record ReasonBody(@Size(max = 200, message = "不能超过200字") String reason) {
    }

    record RateBody(@NotNull(message = "请打分") @Min(value = 1, message = "最少1星") @Max(value = 5, message = "最多5星") Integer rating,
                    @Size(max = 200, message = "不能超过200字") String comment) {
    }

    record NoteBody(@NotBlank(message = "请简单说明办理情况") @Size(max = 500, message = "不能超过500字") String note) {
    }

    @GetMapping("/api/wishes/categories")
    List<Option> categories() {
        return Arrays.stream(WishCategory.values()).map(c -> new Option(c.name(), c.label())).toList();
    }

    @PostMapping("/api/wishes")
    @ResponseStatus(HttpStatus.CREATED)
    WishView post(CurrentUser u, @Valid @RequestBody PostBody b) {
        return wishes.post(u, new NewWish(b.category(), b.content(), b.stationId(), b.communityId(),
                Boolean.TRUE.equals(b.mayContact())));
    }

    @GetMapping("/api/wishes/mine")
    List<WishView> mine(CurrentUser u) {
        return wishes.mine(u);
    }

    @GetMapping("/api/wishes/{id}")
    WishView detail(CurrentUser u, @PathVariable long id) {
        return wishes.detail(u, id);
    }

    @PostMapping(path = "/api/wishes/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PhotoRef addPhoto(CurrentUser u, @PathVariable long id, @RequestParam("file") MultipartFile file) {
        return photos.addPosted(u, id, bytes(file));
    }

    @GetMapping("/api/wishes/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(CurrentUser u, @PathVariable long id, @PathVariable long photoId) {
        return image(photos.forUser(u, id, photoId));
    }

    @PostMapping("/api/wishes/{id}/cancel")
    WishView cancel(CurrentUser u, @PathVariable long id, @Valid @RequestBody(required = false) ReasonBody b) {
        return wishes.cancel(u, id, b == null ? null : b.reason());
    }

    @PostMapping("/api/wishes/{id}/rate")
    WishView rate(CurrentUser u, @PathVariable long id, @Valid @RequestBody RateBody b) {
        return wishes.rate(u, id, b.rating(), b.comment());
    }

    @PostMapping("/api/wishes/{id}/reopen")
    WishView reopen(CurrentUser u, @PathVariable long id, @Valid @RequestBody ReasonBody b) {
        return wishes.reopen(u, id, b.reason());
    }

    // ---- the assignee (member, organisation contact, volunteer team) ----

    @GetMapping("/api/wish-tasks")
    List<WishView> tasks(CurrentUser u) {
        return tasks.mine(u);
    }

    @PostMapping("/api/wish-tasks/{id}/accept")
    WishView accept(CurrentUser u, @PathVariable long id) {
        return tasks.accept(u, id);
    }

    @PostMapping("/api/wish-tasks/{id}/decline")
    WishView decline(CurrentUser u, @PathVariable long id, @Valid @RequestBody ReasonBody b) {
        return tasks.decline(u, id, b.reason());
    }

    @PostMapping("/api/wish-tasks/{id}/complete")
    WishView complete(CurrentUser u, @PathVariable long id, @Valid @RequestBody NoteBody b) {
        return tasks.complete(u, id, b.note());
    }

    @PostMapping(path = "/api/wish-tasks/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PhotoRef addCompletionPhoto(CurrentUser u, @PathVariable long id, @RequestParam("file") MultipartFile file) {
        return photos.addCompletion(u, id, bytes(file));
    }

    static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new BizException(WishError.WISH_PHOTO_NOT_IMAGE, "照片上传不完整，请重试");
        }
    }

    static ResponseEntity<byte[]> image(Photo p) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate()).header("X-Content-Type-Options", "nosniff").body(p.bytes());
    }
}
