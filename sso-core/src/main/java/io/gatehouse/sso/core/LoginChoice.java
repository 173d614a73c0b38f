package io.gatehouse.sso.core;

/**
 * One login button: a provider usable on this site.
 *
 * @param id       route id, e.g. {@code github}
 * @param name     label, e.g. "GitHub"
 * @param provider provider backend id
 * @param loginUrl {@code <base>/accounts/<id>/login/}
 */
public record LoginChoice(String id, String name, String provider, String loginUrl) {
}
