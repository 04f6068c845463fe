package org.haven.api;

import jakarta.ejb.EJBAccessException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.problems.NotFound;
import org.haven.problems.TooMany;

/**
 * One small mapper per kind of failure, each answering its RFC 9457 problem ({@link Problems});
 * JAX-RS picks the one for the nearest type. What no mapper here names is a server error ({@link
 * ProblemMapper}).
 */
final class ProblemMappers {

  private ProblemMappers() {}

  /** The mappers' common end: the problem, naming the request path it answers. */
  abstract static class Answering<E extends Throwable> implements ExceptionMapper<E> {
    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(E failure) {
      return problem(failure).at(uriInfo.getRequestUri().getRawPath()).toResponse();
    }

    abstract Problem problem(E failure);
  }

  @Provider
  public static class InvalidFields extends Answering<InvalidField> {
    @Override
    Problem problem(InvalidField invalid) {
      return Problems.invalidFields(
          List.of(Problem.FieldError.of(invalid.field(), invalid.getMessage())));
    }
  }

  @Provider
  public static class Conflicts extends Answering<Conflict> {
    @Override
    Problem problem(Conflict conflict) {
      return Problems.conflict(conflict.getMessage(), conflict.allowed());
    }
  }

  @Provider
  public static class TooManies extends Answering<TooMany> {
    @Override
    Problem problem(TooMany tooMany) {
      return Problems.tooMany(tooMany.getMessage());
    }
  }

  /** Content refused: too large (413) or of a type Haven does not take (415), saying why. */
  @Provider
  public static class RefusedContents extends Answering<org.haven.problems.Refused> {
    @Override
    Problem problem(org.haven.problems.Refused refused) {
      return Problem.of(Response.Status.fromStatusCode(refused.status()), refused.getMessage());
    }
  }

  /** Something that does not exist, or is out of the caller's scope: the same answer. */
  @Provider
  public static class NotFounds extends Answering<NotFound> {
    @Override
    Problem problem(NotFound absent) {
      return Problems.status(404);
    }
  }

  @Provider
  public static class Refusals extends Answering<EJBAccessException> {
    @Override
    Problem problem(EJBAccessException refused) {
      return Problems.status(403);
    }
  }

  @Provider
  public static class EditConflicts extends Answering<OptimisticLockException> {
    @Override
    Problem problem(OptimisticLockException stale) {
      return new Problem(
          Problems.CONFLICT_TYPE,
          "Edited by someone else",
          409,
          "The record was changed by someone else since you read it. Reload it and retry.",
          null,
          null);
    }
  }

  @Provider
  public static class UnreadableBodies extends Answering<UnreadableBody> {
    @Override
    Problem problem(UnreadableBody unreadable) {
      return unreadable.problem();
    }
  }

  @Provider
  public static class InvalidParameters extends Answering<InvalidParameter> {
    @Override
    Problem problem(InvalidParameter invalid) {
      return invalid.problem();
    }
  }

  /** A body JSON-B could not bind after its shape was checked: said without JSON-B's words. */
  @Provider
  public static class UnbindableBodies extends Answering<JsonbException> {
    @Override
    Problem problem(JsonbException unbindable) {
      return Problems.unreadable(null, null);
    }
  }

  /** A body the JAX-RS runtime could not read at all. */
  @Provider
  public static class UnprocessableBodies extends Answering<ProcessingException> {
    @Override
    Problem problem(ProcessingException unreadable) {
      return Problems.unreadable(null, null);
    }
  }

  /** A status JAX-RS chose (no such path, method, media type; a body too large). */
  @Provider
  public static class Statuses extends Answering<WebApplicationException> {
    @Override
    Problem problem(WebApplicationException web) {
      int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
      return status >= 500 ? Problems.serverError(web) : Problems.status(status);
    }
  }
}
