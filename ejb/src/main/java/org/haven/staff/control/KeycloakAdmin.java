package org.haven.staff.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Haven's connection to Keycloak's Admin REST API, as the {@code haven-admin} service account
 * (client credentials; the realm grants it only view-users, manage-users, query-groups and
 * view-realm). The realm and server come from the provider URL Haven already trusts.
 */
@ApplicationScoped
public class KeycloakAdmin {

  @Inject
  @ConfigProperty(
      name = "haven.oidc.provider.url",
      defaultValue = "http://localhost:8180/realms/haven")
  String providerUrl;

  @Inject
  @ConfigProperty(name = "haven.admin.client.id", defaultValue = "haven-admin")
  String clientId;

  @Inject
  @ConfigProperty(name = "haven.admin.client.secret")
  Optional<String> clientSecret;

  private Keycloak keycloak;

  public synchronized RealmResource realm() {
    int split = providerUrl.indexOf("/realms/");
    if (keycloak == null) {
      keycloak =
          KeycloakBuilder.builder()
              .serverUrl(providerUrl.substring(0, split))
              .realm(providerUrl.substring(split + "/realms/".length()))
              .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
              .clientId(clientId)
              .clientSecret(
                  clientSecret.orElseThrow(
                      () -> new IllegalStateException("HAVEN_ADMIN_CLIENT_SECRET is not set")))
              .build();
    }
    return keycloak.realm(providerUrl.substring(split + "/realms/".length()));
  }

  @PreDestroy
  synchronized void close() {
    if (keycloak != null) {
      keycloak.close();
    }
  }
}
