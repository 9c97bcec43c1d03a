package app.kontor.xero.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens at rest with AES-256-GCM. A ciphertext names the key that made it ({@code
 * v1:<keyId>:<base64 iv+ciphertext>}), so the key can rotate: new values use the first key, old ones
 * still decrypt with theirs. The key id is also authenticated, so a value cannot be moved to another key.
 */
public final class TokenCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /**
     * @param spec {@code keyId:base64Key[,keyId:base64Key...]}, current key first; each key 32 bytes
     * @throws IllegalArgumentException naming what is wrong, never echoing a key
     */
    public static TokenCipher fromSpec(String spec) {
        var keys = new LinkedHashMap<String, SecretKey>();
        for (var part : spec.split(",")) {
            var colon = part.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "KONTOR_ENCRYPTION_KEY must be keyId:base64Key (32 bytes), comma-separated, current first");
            }
            var id = part.substring(0, colon).strip();
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(part.substring(colon + 1).strip());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("KONTOR_ENCRYPTION_KEY key '" + id + "' is not base64");
            }
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("KONTOR_ENCRYPTION_KEY key '" + id + "' must be 32 bytes");
            }
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        }
        return new TokenCipher(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** A new random key in spec form, for demo mode. */
    public static String newSpec(String keyId) {
        var bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return keyId + ":" + Base64.getEncoder().encodeToString(bytes);
    }

    public String encrypt(String plaintext) {
        try {
            var iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            var out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed);
            return "v1:" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** @throws IllegalStateException when the value was made with an unknown key or was tampered with */
    public String decrypt(String ciphertext) {
        var parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("Not a Kontor ciphertext");
        }
        var key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("Encrypted with key '" + parts[1] + "', which KONTOR_ENCRYPTION_KEY lacks");
        }
        try {
            var bytes = Base64.getDecoder().decode(parts[2]);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored token could not be decrypted", e);
        }
    }
}
