package app.kontor.practice;

import app.kontor.shared.PracticeId;
import java.time.Instant;

/**
 * An accounting firm using Kontor; every contact and user belongs to exactly one.
 *
 * @param defaultPhoneRegion ISO 3166 region used to read phone numbers written without a country code
 */
public record Practice(PracticeId id, String name, String defaultPhoneRegion, Instant createdAt) {}
