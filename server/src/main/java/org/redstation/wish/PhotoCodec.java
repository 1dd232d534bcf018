package org.redstation.wish;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.redstation.common.BizException;

/**
 * Checks an upload (size, JPEG/PNG by magic bytes, dimensions) and re-encodes it with ImageIO: only pixels are
 * written back, so EXIF (GPS, camera), comments and other metadata are gone.
 */
final class PhotoCodec {
    record Encoded(byte[] bytes, String contentType, String extension) {
    }

    private PhotoCodec() {
    }

    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "png";
        }
        return null;
    }

    static Encoded normalise(byte[] raw, long maxBytes, long maxPixels) {
        if (raw == null || raw.length == 0) {
            throw new BizException(WishError.WISH_PHOTO_NOT_IMAGE, "照片是空的，请重新选择");
        }
        if (raw.length > maxBytes) {
            throw new BizException(WishError.WISH_PHOTO_TOO_LARGE);
        }
        String format = sniff(raw);
        if (format == null) {
            throw new BizException(WishError.WISH_PHOTO_NOT_IMAGE);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(raw))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new BizException(WishError.WISH_PHOTO_NOT_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > maxPixels) {
                    throw new BizException(WishError.WISH_PHOTO_TOO_LARGE, "照片尺寸太大了，请换一张");
                }
                BufferedImage img = reader.read(0);
                return encode(img, format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BizException b) {
                throw b;
            }
            throw new BizException(WishError.WISH_PHOTO_NOT_IMAGE, "照片已损坏，无法打开，请换一张");
        }
    }

    private static Encoded encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if ("jpeg".equals(format)) {
            // JPEG has no alpha: draw onto plain RGB first
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(img, 0, 0, java.awt.Color.WHITE, null);
            g.dispose();
            ImageIO.write(rgb, "jpeg", out);
            return new Encoded(out.toByteArray(), "image/jpeg", "jpg");
        }
        ImageIO.write(img, "png", out);
        return new Encoded(out.toByteArray(), "image/png", "png");
    }
}
