package org.haven.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty database with a provider directory and fictional cases when Haven runs in demo
 * mode ({@code HAVEN_DEMO=true}, which the run command sets). Runs once: a directory that holds
 * providers and a database that holds cases are never touched, so a restart keeps what was entered.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoData {

  @Inject
  @ConfigProperty(name = "haven.demo", defaultValue = "false")
  boolean demo;

  @Inject DemoDirectory demoDirectory;
  @Inject DemoCases demoCases;

  @PostConstruct
  void start() {
    if (demo) {
      demoDirectory.load();
      demoCases.load();
    }
  }
}
