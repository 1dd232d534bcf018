package org.redstation.auth;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDateTime;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.redstation.common.Masks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Mini-program login: the code from wx.login goes to WeChat (jscode2session); we never trust an openid from the client. */
@Service
public class AuthService {
    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private final WxMaService wxMa;
    private final AppUserMapper users;
    private final SessionTokens tokens;
    private final AuthProperties props;
    private final Clock clock;

    AuthService(WxMaService wxMa, AppUserMapper users, SessionTokens tokens, AuthProperties props, Clock clock) {
        this.wxMa = wxMa;
        this.users = users;
        this.tokens = tokens;
        this.props = props;
        this.clock = clock;
    }

    public record LoginResult(String token, long expiresIn, UserView user) {
    }

    LoginResult login(String code) {
        WxMaJscode2SessionResult session;
        try {
            session = wxMa.getUserService().getSessionInfo(code);
        } catch (WxErrorException e) {
            int err = e.getError().getErrorCode();
            log.info("jscode2session refused: errcode {}", err);
            if (err == 40029 || err == 40163 || err == 41008) {
                throw new BizException(AuthError.WX_CODE_INVALID);
            }
            if (err == 45011) {
                throw new BizException(AuthError.WX_RATE_LIMITED);
            }
            throw new BizException(CommonError.WECHAT_UNAVAILABLE);
        } catch (WxRuntimeException e) {
            log.warn("WeChat unreachable for login: {}", e.getMessage());
            throw new BizException(CommonError.WECHAT_UNAVAILABLE);
        }
        AppUser user = findOrCreate(session.getOpenid(), session.getUnionid());
        String token = tokens.create('U', user.getId(), props.userSessionTtl());
        log.info("user {} logged in ({})", user.getId(), Masks.openid(user.getOpenid()));
        return new LoginResult(token, props.userSessionTtl().toSeconds(), UserView.of(user));
    }

    private AppUser findOrCreate(String openid, String unionid) {
        LocalDateTime now = LocalDateTime.now(clock);
        AppUser user = byOpenid(openid);
        if (user == null) {
            user = new AppUser();
            user.setOpenid(openid);
            user.setUnionid(unionid);
            user.setRoles(Role.RESIDENT.name());
            user.setCreatedAt(now);
            user.setLastLoginAt(now);
            try {
                users.insert(user);
                return user;
            } catch (DuplicateKeyException e) {
                user = byOpenid(openid); // a concurrent first login created it
            }
        }
        AppUser touch = new AppUser();
        touch.setId(user.getId());
        touch.setLastLoginAt(now);
        if (unionid != null && user.getUnionid() == null) {
            touch.setUnionid(unionid);
        }
        users.updateById(touch);
        return user;
    }

    private AppUser byOpenid(String openid) {
        return users.selectOne(new LambdaQueryWrapper<AppUser>().eq(AppUser::getOpenid, openid));
    }

    /** 关怀模式 is kept with the user, so it follows them to another phone. */
    UserView setElderMode(long userId, boolean on) {
        users.setElderMode(userId, on);
        return UserView.of(users.selectById(userId));
    }

    void logout(String token) {
        tokens.revoke(token);
    }

    /** What the mini-program may see about its own user: no openid, phone masked. */
    public record UserView(long id, String nickname, String maskedPhone, java.util.Set<Role> roles, boolean elderMode) {
        static UserView of(AppUser u) {
            return new UserView(u.getId(), u.getNickname(), Masks.phone(u.getPhone()), u.roleSet(),
                    Boolean.TRUE.equals(u.getElderMode()));
        }
    }
}
