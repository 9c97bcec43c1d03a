package app.kontor.practice.web;

/**
 * A secret shown in one response only (a one-time password or an API token), with what happened. It
 * is never stored in plain text, nor put in the session as a flash attribute.
 */
public record ShownOnce(String message, String secret) {}
