package app.xerosim.state;

/** Where webhooks go and the key that signs them. */
public record WebhookSubscription(String url, String signingKey) {}
