namespace Strata;

/// <summary>
/// The stable codes of <see cref="StrataException"/>. They follow Prisma's query engine codes
/// where Prisma has one, so the same code means the same failure in both.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The database server refused the credentials (P1000).</summary>
    public const string AuthenticationFailed = "P1000";
    /// <summary>The database server cannot be reached (P1001).</summary>
    public const string DatabaseUnreachable = "P1001";
    /// <summary>The database does not exist on the server, or the SQLite file cannot be opened (P1003).</summary>
    public const string DatabaseDoesNotExist = "P1003";
    /// <summary>An operation timed out: connecting, waiting for a pooled connection, or a statement past the command timeout (P1008).</summary>
    public const string Timeout = "P1008";
    /// <summary>The URL or connection string is not valid for its provider (P1013).</summary>
    public const string InvalidDatabaseUrl = "P1013";
    /// <summary>The server closed the connection, for example a terminated backend or a restart (P1017).</summary>
    public const string ConnectionClosed = "P1017";
    /// <summary>A value is too long for its column (P2000).</summary>
    public const string ValueTooLong = "P2000";
    /// <summary>A unique constraint was violated (P2002).</summary>
    public const string UniqueConstraint = "P2002";
    /// <summary>A foreign key constraint was violated (P2003).</summary>
    public const string ForeignKeyConstraint = "P2003";
    /// <summary>A required column received null (P2011).</summary>
    public const string NullConstraint = "P2011";
    /// <summary>A nested write would leave a record without the related record a required relation needs: a disconnect, a set, or a replaced one-to-one partner (P2014).</summary>
    public const string RequiredRelation = "P2014";
    /// <summary>A required value is missing from a create (P2012).</summary>
    public const string MissingRequiredValue = "P2012";
    /// <summary>A value is out of range for its column type (P2020).</summary>
    public const string ValueOutOfRange = "P2020";
    /// <summary>The database holds a value the schema cannot describe (P2023).</summary>
    public const string InconsistentData = "P2023";
    /// <summary>The record that an operation needs was not found (P2025).</summary>
    public const string RecordNotFound = "P2025";
    /// <summary>
    /// A transaction could not start within its maximum wait, ran past its time limit, was used after it
    /// ended, or asked for what its database or its nesting cannot give (P2028, Prisma's "Transaction API error").
    /// </summary>
    public const string TransactionError = "P2028";
    /// <summary>A transaction could not complete because of a concurrent write (P2034).</summary>
    public const string WriteConflict = "P2034";
    /// <summary>The query is not valid: a usage error the types could not catch (P2009).</summary>
    public const string InvalidQuery = "P2009";
    /// <summary>Any other database failure; the inner exception holds the driver's error (P2010).</summary>
    public const string DatabaseError = "P2010";
    /// <summary>A migration failed to apply, or the migrations folder is missing (P3018): see the message for the migration and the database's error.</summary>
    public const string MigrationFailed = "P3018";
    /// <summary>A migration failed earlier and is not resolved, so no migration is applied (P3009): <c>strata migrate resolve</c>.</summary>
    public const string MigrationsBlocked = "P3009";
}
