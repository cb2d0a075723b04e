namespace ServerlessDeploy.Local.State;

/// <summary>
/// The tables of <c>state.db</c>. Records are JSON; expiries are UTC ticks so conditions compare instants exactly.
/// Every statement is idempotent, so any process sharing the folder may run them. An app's row keeps, beside its status,
/// the status without its resources (<c>head</c>), so a list of apps reads no more than it shows; a table made before
/// that column gets it added, and its rows read from <c>data</c> until they are written again.
/// </summary>
internal static class SqliteSchema
{
    public const string FileName = "state.db";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS apps (
            app TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            head TEXT);
        CREATE TABLE IF NOT EXISTS history (
            app TEXT NOT NULL,
            id INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (app, id));
        CREATE TABLE IF NOT EXISTS history_sequence (
            app TEXT PRIMARY KEY,
            last_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS leases (
            app TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            until INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS done (
            key TEXT PRIMARY KEY,
            until INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS images (
            image TEXT NOT NULL,
            tag TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (image, tag));
        CREATE TABLE IF NOT EXISTS cursors (
            app TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            data TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS delivery_failures (
            message_id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            until INTEGER NOT NULL);
        """;

    public const string HasAppHeads = "SELECT COUNT(*) FROM pragma_table_info('apps') WHERE name = 'head';";

    public const string AddAppHeads = "ALTER TABLE apps ADD COLUMN head TEXT;";
}
