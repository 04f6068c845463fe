package org.haven.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.cases.boundary.CaseFiles;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;

/**
 * Fills an empty database with a few fictional cases when Haven runs in demo mode ({@code
 * HAVEN_DEMO=true}, which the run command sets). Runs once: a database that already holds cases is
 * never touched, so a restart keeps whatever was entered.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@RunAs("supervisor") // registers cases through the boundary, whose rules it must pass
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  @ConfigProperty(name = "haven.demo", defaultValue = "false")
  boolean demo;

  @Inject CaseFiles caseFiles;

  @PostConstruct
  void load() {
    if (!demo || caseFiles.count() > 0) {
      return;
    }
    List<SurvivorCase> cases =
        List.of(
            new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.FEMALE, "NG")),
            new SurvivorCase(RiskLevel.MEDIUM, new Survivor(Sex.MALE, "VN")),
            new SurvivorCase(RiskLevel.LOW, new Survivor(Sex.FEMALE, "RO")),
            new SurvivorCase(RiskLevel.HIGH, new Survivor(Sex.UNDISCLOSED, "PH")),
            new SurvivorCase(RiskLevel.MEDIUM, new Survivor(Sex.MALE, "NP")));
    cases.forEach(caseFiles::register);
    LOG.warning(
        () -> "DEMO MODE: loaded " + cases.size() + " fictional cases into an empty database.");
  }
}
