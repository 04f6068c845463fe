package org.haven.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/**
 * For tests inside the server: calls made from here carry the admin role, as the boundaries require
 * one. Deployed with every in-container test by {@link HavenDeployment#withTest}.
 */
@Stateless
@PermitAll
@RunAs("admin")
public class AsAdmin {
  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
