package org.redstation.station;

import cn.binarywang.wx.miniapp.api.WxMaService;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import javax.imageio.ImageIO;
import me.chanjar.weixin.common.error.WxErrorException;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.redstation.station.StationModel.StationInfo;
import org.redstation.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.redstation.auth.CurrentStaff;
import org.springframework.stereotype.Service;

/**
 * Mini-program codes of stations (WxJava getwxacodeunlimit, scene st=CODE, page pages/station/detail/index) and printable
 * posters. A code is made once per station and kept in the database: the station code never changes, so neither
 * does its QR, whatever else staff edit.
 */
@Service
class StationQrService {
    static final String PAGE = org.redstation.common.MiniProgramPages.STATION;
    static final int WIDTH = 430;
    /** station_qrcode.page of the official account's code (it opens no page). */
    static final String ACCOUNT_PAGE = "mp:qrcode";
    private static final Logger log = LoggerFactory.getLogger(StationQrService.class);
    private final WxMaService wx;
    private final WxMpService mp;
    private final StationQrcodeMapper codes;
    private final StationAdminService stations;
    private final WeChatProperties props;
    private final Clock clock;
    private final StationPosterMapper posters;
    /** Bump when the poster's layout changes: every poster is then rendered anew. */
    static final String POSTER_LAYOUT = "a5-v2-with-account-code";

    StationQrService(WxMaService wx, WxMpService mp, StationQrcodeMapper codes, StationAdminService stations, WeChatProperties props,
                     Clock clock, StationPosterMapper posters) {
        this.posters = posters;
        this.wx = wx;
        this.mp = mp;
        this.codes = codes;
        this.stations = stations;
        this.props = props;
        this.clock = clock;
    }

    /** A PNG to hand out, with the file name it is saved under. */
    record Png(byte[] body, String filename) {
    }

    /** The code of a station the staff member may manage. */
    Png qrcode(CurrentStaff staff, long stationId) {
        StationInfo s = stations.require(staff, stationId);
        return new Png(qrcode(s), s.code() + "-qrcode.png");
    }

    /**
     * The poster of a station the staff member may manage: rendered once per drawn content and kept in
     * {@code station_poster} (rendering costs a core for a while); an edit of what it shows renders it anew.
     */
    Png poster(CurrentStaff staff, long stationId) {
        StationInfo s = stations.require(staff, stationId);
        String key = posterKey(s);
        StationPoster kept = posters.selectById(s.id());
        if (kept != null && key.equals(kept.getContentKey())) {
            return new Png(kept.getPng(), s.code() + "-poster.png");
        }
        byte[] png = poster(s);
        posters.upsert(new StationPoster(s.id(), key, png, LocalDateTime.now(clock)));
        return new Png(png, s.code() + "-poster.png");
    }

    /** SHA-256 of everything the poster draws. */
    static String posterKey(StationInfo s) {
        String content = String.join("\u0000", POSTER_LAYOUT, s.code(), s.name(), String.valueOf(s.streetName()),
                String.valueOf(s.communityName()), sceneOf(s.code()), PAGE);
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sceneOf(String code) {
        return "st=" + code;
    }

    /** The station's mini-program code as PNG (made on first use, then served from the database). */
    private byte[] qrcode(StationInfo s) {
        String scene = sceneOf(s.code());
        StationQrcode cached = codes.selectOne(new LambdaQueryWrapper<StationQrcode>().eq(StationQrcode::getStationId, s.id())
                .eq(StationQrcode::getScene, scene).eq(StationQrcode::getPage, PAGE));
        if (cached != null) {
            return cached.getPng();
        }
        byte[] png;
        try {
            byte[] raw = wx.getQrcodeService().createWxaCodeUnlimitBytes(scene, PAGE, false,
                    props.miniapp().envVersion(), WIDTH, false, null, false);
            png = toPng(raw);
        } catch (WxErrorException e) {
            log.warn("getwxacodeunlimit failed for station {}: {} {}", s.code(), e.getError().getErrorCode(),
                    e.getError().getErrorMsg());
            throw new BizException(CommonError.WECHAT_UNAVAILABLE, "生成小程序码失败，请稍后再试");
        }
        codes.upsert(new StationQrcode(s.id(), scene, PAGE, png, LocalDateTime.now(clock)));
        return png;
    }

    /**
     * The official account's permanent parametric QR code of the station (qrcode/create, QR_LIMIT_STR_SCENE, scene
     * st=CODE): following through it tells the chat bot the follower's station and community. Drawn from the url
     * WeChat answers (WeChat allows that) and kept in the database like the mini-program code: permanent codes are
     * limited per account, so each station gets one.
     */
    private byte[] accountQrcode(StationInfo s) {
        String scene = sceneOf(s.code());
        StationQrcode cached = codes.selectOne(new LambdaQueryWrapper<StationQrcode>().eq(StationQrcode::getStationId, s.id())
                .eq(StationQrcode::getScene, scene).eq(StationQrcode::getPage, ACCOUNT_PAGE));
        if (cached != null) {
            return cached.getPng();
        }
        byte[] png;
        try {
            WxMpQrCodeTicket ticket = mp.getQrcodeService().qrCodeCreateLastTicket(scene);
            BufferedImage img = com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(new com.google.zxing.qrcode.QRCodeWriter()
                    .encode(ticket.getUrl(), com.google.zxing.BarcodeFormat.QR_CODE, WIDTH, WIDTH,
                            java.util.Map.of(com.google.zxing.EncodeHintType.MARGIN, 2)));
            png = png(img);
        } catch (WxErrorException e) {
            log.warn("qrcode/create failed for station {}: {} {}", s.code(), e.getError().getErrorCode(), e.getError().getErrorMsg());
            throw new BizException(CommonError.WECHAT_UNAVAILABLE, "生成公众号二维码失败，请稍后再试");
        } catch (com.google.zxing.WriterException | IOException e) {
            throw new BizException(CommonError.INTERNAL_ERROR, "生成公众号二维码失败，请稍后再试");
        }
        codes.upsert(new StationQrcode(s.id(), scene, ACCOUNT_PAGE, png, LocalDateTime.now(clock)));
        return png;
    }

    /** WeChat answers JPEG (sandbox) or PNG; staff always get PNG. */
    static byte[] toPng(byte[] image) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(image));
            if (img == null) {
                throw new BizException(CommonError.WECHAT_UNAVAILABLE, "微信返回的小程序码无法识别");
            }
            return png(img);
        } catch (IOException e) {
            throw new BizException(CommonError.WECHAT_UNAVAILABLE, "微信返回的小程序码无法识别");
        }
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A printable A5 poster (1240 x 1748 px, 150 dpi): station name, community, code, "扫码查看驿站服务". */
    private byte[] poster(StationInfo s) {
        try {
            BufferedImage qr = ImageIO.read(new ByteArrayInputStream(qrcode(s)));
            int w = 1240;
            int h = 1748;
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            Color red = new Color(0xB7, 0x1C, 0x1C);
            g.setColor(red);
            g.fillRect(0, 0, w, 240);
            g.setColor(Color.WHITE);
            center(g, "红色驿站", font(Font.BOLD, 110), w, 165);
            g.setColor(new Color(0x1a, 0x1a, 0x1a));
            center(g, s.name(), fit(g, s.name(), Font.BOLD, 72, w - 120), w, 370);
            center(g, s.streetName() + " · " + s.communityName(), font(Font.PLAIN, 52), w, 460);
            BufferedImage account = ImageIO.read(new ByteArrayInputStream(accountQrcode(s)));
            int size = 500;
            int y = 560;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setStroke(new BasicStroke(8));
            int[] xs = {(w / 2 - size) / 2, w / 2 + (w / 2 - size) / 2};
            BufferedImage[] codes = {qr, account};
            String[] titles = {"小程序", "公众号"};
            String[] lines = {"查看服务 · 预约", "关注后直接提问"};
            for (int i = 0; i < 2; i++) {
                g.drawImage(codes[i], xs[i], y, size, size, null);
                g.setColor(red);
                g.drawRect(xs[i] - 16, y - 16, size + 32, size + 32);
                centerAt(g, titles[i], font(Font.BOLD, 64), xs[i] + size / 2, y + size + 110);
                g.setColor(new Color(0x1a, 0x1a, 0x1a));
                centerAt(g, lines[i], font(Font.PLAIN, 48), xs[i] + size / 2, y + size + 180);
            }
            g.setColor(red);
            center(g, "扫码查看驿站服务", font(Font.BOLD, 84), w, y + size + 360);
            g.setColor(new Color(0x1a, 0x1a, 0x1a));
            center(g, "驿站编号 " + s.code(), font(Font.PLAIN, 48), w, y + size + 450);
            g.dispose();
            return png(img);
        } catch (IOException e) {
            throw new BizException(CommonError.INTERNAL_ERROR, "海报生成失败，请稍后再试");
        }
    }

    private static final String FONT_FAMILY = chineseFont();

    /** A font family that can draw Chinese (e.g. WenQuanYi, Noto CJK), else the logical SansSerif. */
    private static String chineseFont() {
        try {
            for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
                if (new Font(f, Font.PLAIN, 12).canDisplayUpTo("红色驿站扫码查看服务") == -1) {
                    return f;
                }
            }
        } catch (RuntimeException | Error e) {
            log.warn("no font list: {}", e.toString());
        }
        log.warn("no Chinese font installed (e.g. apt-get install fonts-wqy-microhei): posters will show boxes");
        return Font.SANS_SERIF;
    }

    private static Font font(int style, int size) {
        return new Font(FONT_FAMILY, style, size);
    }

    private static Font fit(Graphics2D g, String text, int style, int size, int max) {
        Font f = font(style, size);
        while (size > 32 && g.getFontMetrics(f).stringWidth(text) > max) {
            size -= 4;
            f = font(style, size);
        }
        return f;
    }

    private static void center(Graphics2D g, String text, Font f, int w, int baseline) {
        g.setFont(f);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (w - m.stringWidth(text)) / 2, baseline);
    }

    private static void centerAt(Graphics2D g, String text, Font f, int cx, int baseline) {
        g.setFont(f);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, cx - m.stringWidth(text) / 2, baseline);
    }
}
