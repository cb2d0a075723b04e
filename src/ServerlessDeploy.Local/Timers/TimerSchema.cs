namespace ServerlessDeploy.Local.Timers;

/// <summary>
/// The timer table in <c>state.db</c>: one row per wake-up key, its due time in UTC ticks (indexed, for the due scan).
/// Created by the timers themselves, idempotently, beside the state store's tables.
/// </summary>
internal static class TimerSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS timers (
            key TEXT PRIMARY KEY,
            app TEXT NOT NULL,
            cursor_id TEXT NOT NULL,
            step_index INTEGER NOT NULL,
            cursor_version INTEGER NOT NULL,
            due_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS timers_due_at ON timers (due_at);
        """;
}
