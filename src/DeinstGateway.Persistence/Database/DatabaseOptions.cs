namespace DeinstGateway.Persistence.Database;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, an embedded file) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; a relative path is taken from the working directory.</summary>
    public string SqlitePath { get; set; } = "data/deinst.db";

    /// <summary>For SqlServer: the connection string (also read from ConnectionStrings:SqlServer).</summary>
    public string? SqlServerConnectionString { get; set; }

    /// <summary>
    /// Whether the gateway applies pending migrations at start. When false (a DBA applies the
    /// idempotent scripts in <c>Scripts/</c>), the gateway only checks that none is pending and
    /// refuses to start otherwise.
    /// </summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>Seconds a command waits, including for another writer's lock on SQLite.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;
}
