package org.haven.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The incident of a page's server error: logged once with its stack trace under an id, and the same
 * id shown on the error page, so that an administrator finds the trace a caseworker reports without
 * the page showing anything of it.
 */
@Named
@RequestScoped
public class Incident {

  private static final Logger LOG = Logger.getLogger(Incident.class.getName());

  private String id;

  public String getId() {
    if (id == null) {
      id = UUID.randomUUID().toString();
      Map<String, Object> request =
          FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
      Object thrown = request.get(RequestDispatcher.ERROR_EXCEPTION);
      Object uri = request.get(RequestDispatcher.ERROR_REQUEST_URI);
      LOG.log(
          Level.SEVERE,
          "Unhandled page failure, incident " + id + " (" + uri + ")",
          thrown instanceof Throwable t ? t : null);
    }
    return id;
  }
}
