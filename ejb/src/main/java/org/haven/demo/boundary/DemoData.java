package org.haven.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty database with a few fictional cases when Haven runs in demo mode ({@code
 * HAVEN_DEMO=true}, which the run command sets). Runs once: a database that already holds cases is
 * never touched, so a restart keeps whatever was entered.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoData {

  @Inject
  @ConfigProperty(name = "haven.demo", defaultValue = "false")
  boolean demo;

  @Inject DemoCases demoCases;

  @PostConstruct
  void start() {
    if (demo) {
      demoCases.load();
    }
  }
}
