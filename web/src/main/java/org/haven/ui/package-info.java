/**
 * What every Faces page of Haven shares: the user's language and the right-to-left switch ({@code
 * LocaleView}), the texts of the message bundle for Java code ({@code Texts}), coded values in the
 * user's words ({@code Labels}), menus of countries and languages ({@code Choices}), date and time
 * converters, and the filter that keeps browsers and proxies from storing pages and API answers
 * ({@code NoStore}).
 *
 * <p>Web only. It depends on no other package of Haven: every feature's views ({@code
 * org.haven.<feature>.web}) depend on it, and {@code WebArchitectureTest} checks that it depends on
 * none of them. See docs/architecture/features.md.
 */
package org.haven.ui;
