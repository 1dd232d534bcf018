package org.redstation.duty;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import org.redstation.auth.CurrentUser;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "党员双报到")
class MemberController {
    private static final Logger log = LoggerFactory.getLogger(MemberController.class);
    private final MemberService members;
    private final WxMaService wxMa;

    MemberController(MemberService members, WxMaService wxMa) {
        this.members = members;
        this.wxMa = wxMa;
    }

    record RegisterRequest(
            @NotNull(message = "请选择社区") Long communityId,
            Long orgId,
            @Size(max = 64, message = "党组织名称太长") String orgName,
            @NotBlank(message = "请填写姓名") @Size(max = 32, message = "姓名太长") String name,
            @NotBlank(message = "请点击按钮获取手机号") @Size(max = 128, message = "格式不正确")
            @Pattern(regexp = "[A-Za-z0-9_.\\-]+", message = "格式不正确") String phoneCode,
            @Size(max = 64, message = "工作单位太长") String workplace) {
    }

    @Operation(summary = "党员双报到登记（手机号通过微信获取手机号按钮的 code 换取）")
    @PostMapping("/api/member/registration")
    MemberService.MemberView register(CurrentUser user, @Valid @RequestBody RegisterRequest req) {
        String phone = phoneOf(req.phoneCode());
        return members.register(user.id(), new MemberService.Registration(req.communityId(), req.orgId(), req.orgName(),
                req.name().strip(), req.workplace() == null ? null : req.workplace().strip()), phone);
    }

    private String phoneOf(String code) {
        try {
            WxMaPhoneNumberInfo info = wxMa.getUserService().getPhoneNoInfo(code);
            String p = info == null ? null : info.getPurePhoneNumber();
            if (p == null || p.isBlank()) {
                throw new BizException(DutyError.MEMBER_PHONE_CODE_INVALID, DutyError.MEMBER_PHONE_CODE_INVALID.message(), "phoneCode");
            }
            return p;
        } catch (WxErrorException e) {
            int err = e.getError() == null ? -1 : e.getError().getErrorCode();
            if (err == 40029 || err == 40163 || err == 41002 || err == 40226) {
                throw new BizException(DutyError.MEMBER_PHONE_CODE_INVALID, DutyError.MEMBER_PHONE_CODE_INVALID.message(), "phoneCode");
            }
            log.warn("getPhoneNoInfo failed: {}", err);
            throw new BizException(CommonError.WECHAT_UNAVAILABLE);
        } catch (RuntimeException e) {
            if (e instanceof BizException b) {
                throw b;
            }
            log.warn("getPhoneNoInfo failed: {}", e.toString());
            throw new BizException(CommonError.WECHAT_UNAVAILABLE);
        }
    }

    @Operation(summary = "我的报到信息（状态、服务时长）")
    @GetMapping("/api/member/me")
    MemberService.MemberView me(CurrentUser user) {
        return members.me(user.id());
    }

    @Operation(summary = "社区的双报到党组织（登记时选择）")
    @GetMapping("/api/member/orgs")
    List<MemberService.OrgView> orgs(CurrentUser user, @RequestParam long communityId) {
        return members.orgsForResidents(communityId);
    }

    record ResourceRequest(
            @NotBlank(message = "请选择资源类别") String category,
            @NotBlank(message = "请填写可提供的服务") @Size(max = 200, message = "最多200字") String description) {
    }

    @Operation(summary = "我的资源清单")
    @GetMapping("/api/member/resources")
    List<MemberService.ResourceView> resources(CurrentUser user) {
        return members.myResources(user.id());
    }

    @Operation(summary = "添加一项资源（法律咨询、医疗健康、课业辅导、维修服务……）")
    @PostMapping("/api/member/resources")
    List<MemberService.ResourceView> addResource(CurrentUser user, @Valid @RequestBody ResourceRequest req) {
        return members.addResource(user.id(), req.category(), req.description().strip());
    }

    @Operation(summary = "删除一项资源")
    @DeleteMapping("/api/member/resources/{id}")
    ResponseEntity<Void> removeResource(CurrentUser user, @PathVariable long id) {
        members.removeResource(user.id(), id);
        return ResponseEntity.noContent().build();
    }
}
