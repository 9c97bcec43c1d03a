package app.kontor.xerosync.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Xero's {@code x-xero-signature}: base64 of HMAC-SHA256 over the raw request body, keyed with the
 * webhook key's UTF-8 bytes (XERO-CONTRACT §5, as Xero's own sample receiver does).
 */
final class WebhookSignature {

    static final String HEADER = "x-xero-signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** Whether {@code signature} signs {@code body} with {@code key}, compared in constant time. */
    static boolean matches(String key, byte[] body, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key, body), given);
    }

    static String sign(String key, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(key, body));
    }

    private static byte[] hmac(String key, byte[] body) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
