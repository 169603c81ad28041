namespace Strata;

/// <summary>
/// A failure of a Strata operation with a stable <see cref="Code"/> (see <see cref="ErrorCodes"/>).
/// Database errors keep the driver's exception as <see cref="Exception.InnerException"/>.
/// </summary>
public class StrataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StrataException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>The stable error code, such as <c>P2002</c>.</summary>
    public string Code { get; }

    /// <summary>The model the operation worked on, where known.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Where in a nested write the failure happened, outermost first:
    /// <c>User.posts &gt; update &gt; Post.categories &gt; connect</c> (a relation, then the nested operation on it); null outside nested writes.
    /// </summary>
    public string? Path { get; private set; }

    /// <inheritdoc />
    public override string Message => Path == null ? base.Message : $"{base.Message} (at {Path})";

    internal void AddPlace(string place) => Path = Path == null ? place : place + " > " + Path;
}

/// <summary>A unique constraint was violated; <see cref="Fields"/> names the schema fields of the constraint.</summary>
public sealed class UniqueConstraintException(string model, IReadOnlyList<string> fields, string? constraint, Exception inner)
    : StrataException(ErrorCodes.UniqueConstraint,
        $"Unique constraint failed on {model}.({string.Join(", ", fields)}): another record already has these values.", inner)
{
    /// <summary>The schema fields of the violated constraint.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The constraint's database name, where the database reports it.</summary>
    public string? Constraint { get; } = constraint;
}

/// <summary>A foreign key constraint was violated: the referenced record does not exist, or records still refer to it.</summary>
public sealed class ForeignKeyConstraintException(string model, IReadOnlyList<string> fields, string? constraint, Exception inner)
    : StrataException(ErrorCodes.ForeignKeyConstraint,
        fields.Count > 0
            ? $"Foreign key constraint failed on {model}.({string.Join(", ", fields)}): the referenced record does not exist, or other records still refer to this one."
            : $"Foreign key constraint failed on {model}: a referenced record does not exist, or other records still refer to this one.", inner)
{
    /// <summary>The schema fields of the foreign key, where the database reports it (SQLite does not).</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The constraint's database name, where the database reports it.</summary>
    public string? Constraint { get; } = constraint;
}

/// <summary>A required column received null.</summary>
public sealed class NullConstraintException(string model, string field, Exception? inner)
    : StrataException(ErrorCodes.NullConstraint, $"Null constraint failed on {model}.{field}: the field is required.", inner)
{
    /// <summary>The schema field.</summary>
    public string Field { get; } = field;
}

/// <summary>The record an operation needs does not exist (FindUniqueOrThrow, FindFirstOrThrow, Update, Delete, connect).</summary>
public sealed class RecordNotFoundException(string model, string operation)
    : StrataException(ErrorCodes.RecordNotFound, $"{operation} on {model}: no record matched.")
{
    /// <summary>The operation that needed the record.</summary>
    public string Operation { get; } = operation;
}

/// <summary>A value does not fit its column: a number out of range, or text longer than the column allows.</summary>
public sealed class ValueOutOfRangeException(string code, string message, Exception? inner)
    : StrataException(code, message, inner);
