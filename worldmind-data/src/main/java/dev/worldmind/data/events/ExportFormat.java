package dev.worldmind.data.events;

/** The formats {@link EventLog#export} writes. */
public enum ExportFormat {
    /**
     * Comma-separated values with a header: {@code id,at,account_id,username,space,kind,payload},
     * the payload as JSON text; missing values are empty.
     */
    CSV,
    /** JSON Lines: one protocol {@code Event} object per line. */
    JSONL
}
