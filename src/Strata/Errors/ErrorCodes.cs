namespace Strata;

/// <summary>
/// The stable codes of <see cref="StrataException"/>. They follow Prisma's query engine codes
/// where Prisma has one, so the same code means the same failure in both.
/// </summary>
public static class ErrorCodes
{
    /// <summary>A value is too long for its column (P2000).</summary>
    public const string ValueTooLong = "P2000";
    /// <summary>A unique constraint was violated (P2002).</summary>
    public const string UniqueConstraint = "P2002";
    /// <summary>A foreign key constraint was violated (P2003).</summary>
    public const string ForeignKeyConstraint = "P2003";
    /// <summary>A required column received null (P2011).</summary>
    public const string NullConstraint = "P2011";
    /// <summary>A required value is missing from a create (P2012).</summary>
    public const string MissingRequiredValue = "P2012";
    /// <summary>A value is out of range for its column type (P2020).</summary>
    public const string ValueOutOfRange = "P2020";
    /// <summary>The database holds a value the schema cannot describe (P2023).</summary>
    public const string InconsistentData = "P2023";
    /// <summary>The record that an operation needs was not found (P2025).</summary>
    public const string RecordNotFound = "P2025";
    /// <summary>A transaction could not complete because of a concurrent write (P2034).</summary>
    public const string WriteConflict = "P2034";
    /// <summary>The query is not valid: a usage error the types could not catch (P2009).</summary>
    public const string InvalidQuery = "P2009";
    /// <summary>Any other database failure; the inner exception holds the driver's error (P2010).</summary>
    public const string DatabaseError = "P2010";
}
