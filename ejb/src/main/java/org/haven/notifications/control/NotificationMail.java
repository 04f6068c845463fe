package org.haven.notifications.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Notification mail, off unless {@code HAVEN_MAIL_ENABLED=true}: through WildFly's mail session
 * {@code java:jboss/mail/Default} (SMTP host and port from {@code HAVEN_SMTP_HOST} and {@code
 * HAVEN_SMTP_PORT}), after the transaction committed and away from the user's request, so a slow or
 * absent mail server neither delays nor undoes anything. A message says what happened to which
 * referral and links to Haven: no survivor data travels by mail.
 */
@ApplicationScoped
public class NotificationMail {

  private static final Logger LOG = Logger.getLogger(NotificationMail.class.getName());

  @Inject
  @ConfigProperty(name = "haven.mail.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "haven.mail.from", defaultValue = "haven@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "haven.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Resource(lookup = "java:jboss/mail/Default")
  Session session;

  @Resource ManagedExecutorService executor;

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticesCreated created) {
    if (!enabled) {
      return;
    }
    for (NoticesCreated.Notice notice : created.notices()) {
      if (notice.email() != null) {
        executor.execute(() -> deliver(notice));
      }
    }
  }

  private void deliver(NoticesCreated.Notice notice) {
    String text =
        NotificationText.of(
            notice.kind(), notice.caseNumber(), notice.referralId(), notice.about());
    String link =
        notice.caseNumber() == null
            ? "/haven/audit/events.xhtml"
            : "/haven/cases/case.xhtml?n=" + notice.caseNumber();
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(notice.email()));
      message.setSubject("Haven: " + text, StandardCharsets.UTF_8.name());
      message.setText(
          "Hello "
              + notice.displayName()
              + ",\n\n"
              + text
              + "\n\nOpen it in Haven: "
              + publicUrl
              + link
              + "\n\nThis message holds no survivor data: sign in to see the details.\n",
          StandardCharsets.UTF_8.name());
      Transport.send(message);
    } catch (MessagingException | RuntimeException e) {
      // The notification stays in the bell; only the mail is lost, and the log says so (no data).
      LOG.log(
          Level.WARNING, "notification mail (" + notice.kind() + ") not sent: " + e.getMessage());
    }
  }
}
