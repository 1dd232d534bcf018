package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.UUID;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.CurrentUser;
import org.redstation.common.BizException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos of needs: the resident's (at most 3, while the item is open) and the assignee's completion photos (at
 * most 3). Checked and re-encoded before anything is written; the file is removed again if the transaction does
 * not commit, so a failed upload leaves neither a row nor a file. Served only to those who may see the item.
 */
@Service
class WishPhotos {
    private final WishMapper wishes;
    private final WishPhotoMapper photos;
    private final WishStore store;
    private final PhotoStore files;
    private final WishProperties props;
    private final WishTransitions time;

    WishPhotos(WishMapper wishes, WishPhotoMapper photos, WishStore store, PhotoStore files, WishProperties props,
               WishTransitions time) {
        this.wishes = wishes;
        this.photos = photos;
        this.store = store;
        this.files = files;
        this.props = props;
        this.time = time;
    }

    record PhotoRef(long id, long wishId, String kind, String contentType, int sizeBytes) {
    }

    record Photo(byte[] bytes, String contentType) {
    }

    /** A resident's photo of their own open item. */
    @Transactional
    public PhotoRef addPosted(CurrentUser u, long wishId, byte[] raw) {
        Wish w = store.get(wishId);
        if (!w.ownedBy(u.id())) {
            throw new BizException(WishError.WISH_NOT_YOURS);
        }
        if (w.getState() != WishState.SUBMITTED && w.getState() != WishState.DISPATCHED) {
            throw new BizException(WishError.WISH_ILLEGAL_TRANSITION, "这条心愿现在是“" + w.getState().label() + "”，不能再添加照片");
        }
        PhotoCodec.Encoded e = PhotoCodec.normalise(raw, props.photoMaxBytes(), props.photoMaxPixels());
        if (wishes.takePhotoSlot(wishId, WishProperties.MAX_PHOTOS) == 0) {
            throw new BizException(WishError.WISH_PHOTO_LIMIT);
        }
        return save(wishId, "POSTED", e);
    }

    /** The assignee's photo of the work, while the item is being handled. */
    @Transactional
    public PhotoRef addCompletion(CurrentUser u, long wishId, byte[] raw) {
        Wish w = wishes.lock(wishId);
        if (w == null) {
            throw new BizException(WishError.WISH_NOT_FOUND);
        }
        if (!store.isAssignee(w, u.id())) {
            throw new BizException(WishError.WISH_NOT_ASSIGNED_TO_YOU);
        }
        if (w.getState() != WishState.ACCEPTED) {
            throw new BizException(WishError.WISH_ILLEGAL_TRANSITION, "接单后、办结前才能上传办理照片");
        }
        PhotoCodec.Encoded e = PhotoCodec.normalise(raw, props.photoMaxBytes(), props.photoMaxPixels());
        long n = photos.selectCount(new LambdaQueryWrapper<WishPhoto>().eq(WishPhoto::getWishId, wishId).eq(WishPhoto::getKind, "COMPLETION"));
        if (n >= WishProperties.MAX_PHOTOS) {
            throw new BizException(WishError.WISH_PHOTO_LIMIT);
        }
        return save(wishId, "COMPLETION", e);
    }

    private PhotoRef save(long wishId, String kind, PhotoCodec.Encoded e) {
        String key = UUID.randomUUID() + "." + e.extension();
        files.put(key, e.bytes());
        // a rollback (a later failure in this request) must not leave the file behind
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.delete(key);
                }
            }
        });
        WishPhoto p = new WishPhoto();
        p.setWishId(wishId);
        p.setKind(kind);
        p.setStorageKey(key);
        p.setContentType(e.contentType());
        p.setSizeBytes(e.bytes().length);
        p.setCreatedAt(time.now());
        photos.insert(p);
        return new PhotoRef(p.getId(), wishId, kind, e.contentType(), e.bytes().length);
    }

    /** For the resident who posted the item or its assignee. */
    public Photo forUser(CurrentUser u, long wishId, long photoId) {
        Wish w = store.get(wishId);
        if (!w.ownedBy(u.id()) && !store.isAssignee(w, u.id())) {
            throw new BizException(WishError.WISH_NOT_YOURS, "只能查看自己的心愿或派给自己的任务的照片");
        }
        return load(wishId, photoId);
    }

    public Photo forStaff(CurrentStaff s, long wishId, long photoId) {
        s.requireCommunity(store.get(wishId).getCommunityId());
        return load(wishId, photoId);
    }

    private Photo load(long wishId, long photoId) {
        WishPhoto p = photos.selectById(photoId);
        if (p == null || p.getWishId() != wishId) {
            throw new BizException(org.redstation.common.CommonError.NOT_FOUND, "没有找到这张照片");
        }
        byte[] bytes = files.get(p.getStorageKey()).orElseThrow(() ->
                new BizException(org.redstation.common.CommonError.NOT_FOUND, "照片已不存在"));
        return new Photo(bytes, p.getContentType());
    }
}
