package org.haven.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Haven's REST API, version 1: {@code /haven/api/v1}. */
@ApplicationPath("api/v1")
public class HavenApi extends Application {}
