package org.haven.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Haven's REST API, version 1: {@code /haven/api/v1}. WildFly serves its OpenAPI document at {@code
 * /openapi} (YAML; {@code ?format=JSON} for JSON), generated from the resources and shaped by
 * {@link ApiDocument}.
 */
@ApplicationPath("api/v1")
public class HavenApi extends Application {}
