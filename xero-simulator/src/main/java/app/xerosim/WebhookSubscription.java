package app.xerosim;

/** Where webhooks go and the key that signs them (HMAC-SHA256 over the raw body, key as UTF-8 bytes). */
public record WebhookSubscription(String url, String signingKey) {}
