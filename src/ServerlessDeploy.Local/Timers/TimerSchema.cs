namespace ServerlessDeploy.Local.Timers;

/// <summary>
/// The timer table in <c>state.db</c>: one row per wake-up key, its due time in UTC ticks (indexed, for the due scan).
/// Created by the timers themselves, idempotently, beside the state store's tables. A Rollout's wake-up keeps its
/// Rollout in <c>rollout_namespace</c> and <c>rollout_name</c> (null for a sync's) and its watch version in
/// <c>cursor_version</c>; a table made before them gets them added.
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
            due_at INTEGER NOT NULL,
            rollout_namespace TEXT,
            rollout_name TEXT);
        CREATE INDEX IF NOT EXISTS timers_due_at ON timers (due_at);
        """;

    public const string HasRolloutColumns = "SELECT COUNT(*) FROM pragma_table_info('timers') WHERE name = 'rollout_namespace';";

    public const string AddRolloutColumns = """
        ALTER TABLE timers ADD COLUMN rollout_namespace TEXT;
        ALTER TABLE timers ADD COLUMN rollout_name TEXT;
        """;
}
