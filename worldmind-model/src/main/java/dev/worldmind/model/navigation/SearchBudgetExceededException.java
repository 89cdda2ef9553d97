package dev.worldmind.model.navigation;

import dev.worldmind.core.WorldmindException;

/** A route search ran out of its {@link SearchBudget}: the route is too long or tangled to plan. */
public final class SearchBudgetExceededException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what ran out
     */
    public SearchBudgetExceededException(String message) {
        super(message);
    }
}
