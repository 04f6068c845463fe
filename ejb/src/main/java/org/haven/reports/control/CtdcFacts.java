package org.haven.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.haven.cases.entity.AgeBand;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.ExploitationCode.Category;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.LabourType;
import org.haven.cases.entity.MeansOfControl;
import org.haven.cases.entity.RecruiterRelationship;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SexualExploitationType;
import org.haven.cases.entity.YesNoUnknown;
import org.haven.reports.control.CtdcCodebook.Facts;
import org.hibernate.jpa.HibernateHints;

/**
 * The coded facts of every survivor eligible for the CTDC export: a case not erased whose
 * survivor's consent to anonymised statistics is in force. Two streaming queries over coded columns
 * (the case's own, then the exploitation profile's code rows); nothing protected is read and no
 * entity is loaded.
 */
@ApplicationScoped
public class CtdcFacts {

  private static final int FETCH = 1_000;

  private static final String ELIGIBLE =
      " c.erasedAt is null and exists (select 1 from Consent s where s.survivorCase = c"
          + " and s.type = :statistics and s.withdrawnOn is null)";

  @PersistenceContext EntityManager em;

  public List<Facts> eligible() {
    Map<Long, Mutable> byCase = new HashMap<>();
    List<Mutable> ordered = new ArrayList<>();
    try (Stream<Object[]> rows =
        em.createQuery(
                "select c.id, extract(year from c.createdAt), c.survivor.sex, c.survivor.ageBand,"
                    + " c.survivor.nationality, c.countryOfExploitation, c.minorWhenExploited,"
                    + " c.abducted, c.recruiterRelationship from SurvivorCase c where"
                    + ELIGIBLE,
                Object[].class)
            .setParameter("statistics", ConsentType.STATISTICS)
            .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH)
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .setFlushMode(FlushModeType.COMMIT)
            .getResultStream()) {
      rows.forEach(
          r -> {
            Mutable m = new Mutable(r);
            byCase.put((Long) r[0], m);
            ordered.add(m);
          });
    }
    try (Stream<Object[]> codes =
        em.createQuery(
                "select c.id, code.category, code.code from SurvivorCase c"
                    + " join c.exploitationCodes code where"
                    + ELIGIBLE,
                Object[].class)
            .setParameter("statistics", ConsentType.STATISTICS)
            .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH)
            .setFlushMode(FlushModeType.COMMIT)
            .getResultStream()) {
      codes.forEach(
          r -> {
            Mutable m = byCase.get((Long) r[0]);
            if (m != null) {
              m.add((Category) r[1], (String) r[2]);
            }
          });
    }
    return ordered.stream().map(Mutable::facts).toList();
  }

  /** A case's facts while its codes are read. */
  private static final class Mutable {
    final Object[] row;
    final EnumSet<ExploitationType> types = EnumSet.noneOf(ExploitationType.class);
    final EnumSet<LabourType> labour = EnumSet.noneOf(LabourType.class);
    final EnumSet<SexualExploitationType> sexual = EnumSet.noneOf(SexualExploitationType.class);
    final EnumSet<MeansOfControl> control = EnumSet.noneOf(MeansOfControl.class);

    Mutable(Object[] row) {
      this.row = row;
    }

    void add(Category category, String code) {
      try {
        switch (category) {
          case TYPE -> types.add(ExploitationType.valueOf(code));
          case LABOUR -> labour.add(LabourType.valueOf(code));
          case SEXUAL -> sexual.add(SexualExploitationType.valueOf(code));
          case CONTROL -> control.add(MeansOfControl.valueOf(code));
          case RECRUITMENT -> {
            // Not a column of the codebook (its isAbduction comes from the profile's answer).
          }
        }
      } catch (IllegalArgumentException retired) {
        // A code no longer in the vocabulary is left out rather than guessed.
      }
    }

    Facts facts() {
      return new Facts(
          ((Number) row[1]).intValue(),
          (Sex) row[2],
          (AgeBand) row[3],
          (String) row[4],
          (String) row[5],
          (YesNoUnknown) row[6],
          (YesNoUnknown) row[7],
          (RecruiterRelationship) row[8],
          types,
          labour,
          sexual,
          control);
    }
  }
}
