package app.kontor.xero.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCipherUnitTests {

    private static final String OLD = TokenCipher.newSpec("old");
    private static final String NEW = TokenCipher.newSpec("new");

    @Test
    void encryptsSoTheTokenIsNotVisibleAndDecryptsItBack() {
        var cipher = TokenCipher.fromSpec(NEW);

        var sealed = cipher.encrypt("eyJhbGciOiJSUzI1NiJ9.secret");

        assertThat(sealed).startsWith("v1:new:").doesNotContain("eyJ").doesNotContain("secret");
        assertThat(cipher.decrypt(sealed)).isEqualTo("eyJhbGciOiJSUzI1NiJ9.secret");
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void aRotatedKeyStillReadsWhatTheOldKeyWrote() {
        var before = TokenCipher.fromSpec(OLD).encrypt("refresh-token");
        var rotated = TokenCipher.fromSpec(NEW + "," + OLD);

        assertThat(rotated.decrypt(before)).isEqualTo("refresh-token");
        assertThat(rotated.encrypt("refresh-token")).startsWith("v1:new:");
    }

    @Test
    void refusesTamperedValuesAndUnknownKeys() {
        var cipher = TokenCipher.fromSpec(NEW);
        var sealed = cipher.encrypt("token");
        var tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        var movedToAnotherKeyId = sealed.replace("v1:new:", "v1:other:");

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TokenCipher.fromSpec(OLD).decrypt(sealed)).hasMessageContaining("key 'new'");
        assertThatThrownBy(() -> TokenCipher.fromSpec(NEW + "," + "other:" + NEW.substring(4))
                        .decrypt(movedToAnotherKeyId))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void explainsABadKeySettingWithoutEchoingIt() {
        assertThatThrownBy(() -> TokenCipher.fromSpec("k1:c2hvcnQ="))
                .hasMessage("KONTOR_ENCRYPTION_KEY key 'k1' must be 32 bytes");
        assertThatThrownBy(() -> TokenCipher.fromSpec("no-key-id")).hasMessageContaining("keyId:base64Key");
    }
}
