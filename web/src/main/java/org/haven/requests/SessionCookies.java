package org.haven.requests;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The page session's cookie: never readable by script (web.xml), not sent along with another site's
 * requests (SameSite=Lax still lets the way back from Keycloak's sign-in through, a top-level
 * navigation), and only over HTTPS ({@code Secure}) in production. Only demo mode, which runs on
 * plain HTTP and may be tried from another machine of the office network, drops {@code Secure}.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setSecure(secure());
    cookie.setAttribute("SameSite", "Lax");
  }

  /** Whether Haven's cookies are {@code Secure}: always, except in demo mode (plain HTTP). */
  static boolean secure() {
    return !ConfigProvider.getConfig().getOptionalValue("haven.demo", Boolean.class).orElse(false);
  }
}
