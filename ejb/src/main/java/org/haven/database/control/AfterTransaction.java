package org.haven.database.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntConsumer;

/**
 * Work that waits for the current transaction's end: a cache forgets what the transaction changed,
 * a counter of open work comes down, a state switches only once its row is committed.
 */
public final class AfterTransaction {

  private AfterTransaction() {}

  /** Runs {@code action} with the transaction's {@link Status} once it has ended, either way. */
  public static void onEnd(TransactionSynchronizationRegistry transactions, IntConsumer action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.accept(status);
          }
        });
  }

  /** Runs {@code action} once the transaction has committed; not at all if it rolls back. */
  public static void onCommit(TransactionSynchronizationRegistry transactions, Runnable action) {
    onEnd(
        transactions,
        status -> {
          if (status == Status.STATUS_COMMITTED) {
            action.run();
          }
        });
  }
}
