using Strata.Migrate.Locking;
using Strata.Migrate.Steps;
using Strata.Schema.Semantics;

namespace Strata.Migrate;

/// <summary>
/// What a provider contributes to migrations: its column types and default expressions for PSL
/// fields, and the SQL text of migration steps. Each provider (Strata.Sqlite, Strata.Postgres)
/// implements it; nothing provider-specific lives in Strata.Migrate.
/// </summary>
public interface IMigrationDialect
{
    /// <summary>The provider this dialect writes SQL for.</summary>
    ProviderKind Provider { get; }

    /// <summary>The column type of a field that has a column (Prisma's default mapping, or its native type).</summary>
    string ColumnType(FieldDefinition field);

    /// <summary>The type of a column that refers to <paramref name="key"/> (a join table's A or B): its type without auto-increment.</summary>
    string ReferenceColumnType(FieldDefinition key);

    /// <summary>The operator class as the database names it, from its schema spelling (<c>ops:</c>).</summary>
    string OperatorClass(string written);

    /// <summary>The SQL default of a field, or null when it has none in the database (autoincrement, uuid() and the like are filled in by the client).</summary>
    string? DefaultSql(FieldDefinition field);

    /// <summary>True when the field's <c>autoincrement()</c> is a database feature (SERIAL, AUTOINCREMENT).</summary>
    bool IsAutoIncrement(FieldDefinition field);

    /// <summary>True when the provider has native enum types (PostgreSQL).</summary>
    bool HasNativeEnums { get; }

    /// <summary>True when foreign keys are written inside CREATE TABLE (SQLite), false when added afterwards (PostgreSQL).</summary>
    bool InlineForeignKeys { get; }

    /// <summary>True when CREATE TABLE holds the new table's indexes (MySQL), so that they are no steps of their own.</summary>
    bool IndexesInCreateTable { get; }

    /// <summary>
    /// True when the database makes an index for each foreign key that no index covers (MySQL):
    /// such an index, whose first columns are a foreign key's, goes only with its foreign key, so
    /// the differ never drops it on its own (as Prisma's differ does on MySQL).
    /// </summary>
    bool KeepsForeignKeyIndexes { get; }

    /// <summary>True when the indexes of a dropped table are dropped before it, each with a step of its own (Prisma does so on SQLite).</summary>
    bool DropsIndexesOfDroppedTables { get; }

    /// <summary>True when implicit many-to-many join tables get a primary key on (A, B); false for a unique index (Prisma's choice per provider).</summary>
    bool ManyToManyUsesPrimaryKey { get; }

    /// <summary>True when the database keeps primary key names (PostgreSQL), so that a renamed key is a change.</summary>
    bool HasNamedPrimaryKeys { get; }

    /// <summary>True when the database reports foreign key names (PostgreSQL), so that a renamed key is a change.</summary>
    bool HasNamedForeignKeys { get; }

    /// <summary>True when a change of auto-increment alone is a change of the column (PostgreSQL's SERIAL is a default); false where it is not (SQLite's AUTOINCREMENT, as Prisma sees it).</summary>
    bool ComparesAutoIncrement { get; }

    /// <summary>True when two operator classes of an index column of <paramref name="columnType"/> under <paramref name="method"/> (null: B-tree) are the same; null is the type's default class.</summary>
    bool SameOperatorClass(string? method, string columnType, string? a, string? b);

    /// <summary>The length Prisma shortens its default constraint and index names to: 63 on PostgreSQL; on SQLite no limit that matters.</summary>
    int MaxIdentifierLength { get; }

    /// <summary>A name as the database keeps it: PostgreSQL cuts identifiers to 63 bytes; SQLite keeps them whole.</summary>
    string DatabaseIdentifier(string name);

    /// <summary>True when two column types, as written and as introspected, are the same type.</summary>
    bool SameType(string a, string b);

    /// <summary>True when two default expressions, as written and as introspected, are the same default.</summary>
    bool SameDefault(string? a, string? b);

    /// <summary>
    /// SQL to run on the connection before a migration's transaction begins, or null. SQLite needs
    /// foreign keys off there: inside a transaction the PRAGMA does nothing, and dropping a table
    /// during a rebuild would otherwise cascade to the rows that refer to it.
    /// </summary>
    string? BeforeMigrationSql { get; }

    /// <summary>SQL to run after the migration's transaction ends (committed or rolled back), or null.</summary>
    string? AfterMigrationSql { get; }

    /// <summary>
    /// True when the runner wraps each migration script in a transaction of its own (SQLite).
    /// False when the script is sent as it is, as one batch, as Prisma runs it (PostgreSQL): the
    /// server still runs a batch without transaction statements as one implicit transaction, and
    /// a script may hold its own BEGIN/COMMIT or a lone CREATE INDEX CONCURRENTLY.
    /// </summary>
    bool WrapsScriptInTransaction { get; }

    /// <summary>Sets up a connection that migration scripts will run on (SQLite: double-quoted string literals, as Prisma's SQLite accepts them).</summary>
    void PrepareScriptConnection(System.Data.Common.DbConnection connection);

    /// <summary>
    /// Where each statement of a script not wrapped in a transaction is, so that the script is
    /// sent as one batch of its statements, as written, and an error can name the one that
    /// failed; null to send the script as one command.
    /// </summary>
    IReadOnlyList<Range>? SplitScript(string script);

    /// <summary>
    /// True when the statements of a script not wrapped in a transaction are sent one at a time,
    /// stopping at the first that fails (MySQL: as the server runs a multi-statement text, which is
    /// how Prisma sends it, and so that the failed one is known: the driver's batch does not say).
    /// </summary>
    bool SendsStatementsOneByOne { get; }

    /// <summary>The error of a failed script in one line, naming <paramref name="statement"/> (where it is in <paramref name="script"/>) when known.</summary>
    string DescribeScriptError(System.Data.Common.DbException error, string script, Range? statement);

    /// <summary>CREATE TABLE IF NOT EXISTS for the <c>_prisma_migrations</c> history table, with Prisma's columns.</summary>
    string HistoryTableSql { get; }

    /// <summary>The lock that makes concurrent deploys of one database run one after the other.</summary>
    IDeployLock DeployLock { get; }

    /// <summary>
    /// An identifier (table, column, schema, database) as SQL, quoted whatever it holds: every
    /// name the tools put into SQL text goes through here, so that no name can end the quotes.
    /// </summary>
    string QuoteIdentifier(string name);

    /// <summary>A table (or type) name as SQL, qualified with its database schema when it has one.</summary>
    string QuoteName(string name, string? schema);

    /// <summary>The SQL text of the steps, in order, as a migration file holds it.</summary>
    string Render(IReadOnlyList<MigrationStep> steps);
}
