package org.haven.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

  @Test
  void namesANestedUnknownProperty() {
    JsonbException inner =
        new JsonbException("Json property phone can not be mapped to a class class X$S.");
    Throwable thrown =
        new ProcessingException(
            new JsonbException(
                "Unable to deserialize property 'survivor' because of: " + inner.getMessage(),
                inner));

    Problem problem = ProblemMapper.problemFor(thrown);

    assertEquals(400, problem.status());
    assertEquals(ProblemMapper.UNREADABLE_TYPE, problem.type());
    assertEquals(
        List.of(new Problem.FieldError("survivor.phone", "#/survivor/phone", "unknown property")),
        problem.errors());
  }

  @Test
  void namesAPropertyOfTheWrongShape() {
    Problem problem =
        ProblemMapper.problemFor(
            new JsonbException(
                "Unable to deserialize property 'survivor' because of: Incorrect position for processing"
                    + " type: class X$S. Received event: START_ARRAY Allowed: [START_OBJECT]"));
    assertEquals("survivor", problem.errors().get(0).field());
    assertEquals("value of the wrong type", problem.errors().get(0).detail());
  }

  @Test
  void neverEchoesTheRejectedInput() {
    Problem problem =
        ProblemMapper.problemFor(
            new JsonbException("Internal error: No enum constant org.haven.X.Amina-Okafor"));
    assertEquals(400, problem.status());
    assertFalse(problem.detail().contains("Amina"));
    assertNull(problem.errors());
  }

  @Test
  void serverErrorsSayNothingAboutTheCause() {
    Problem problem =
        ProblemMapper.problemFor(
            new EJBException(
                new IllegalStateException("jdbc:postgresql://db/haven password=s3cret")));
    assertEquals(500, problem.status());
    assertFalse(problem.detail().contains("s3cret"));
    assertFalse(problem.detail().contains("IllegalState"));
    assertTrue(problem.detail().contains("Incident"));
  }
}
