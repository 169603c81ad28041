namespace Strata.Metadata;

/// <summary>
/// Converts between a generated C# enum and the names the database stores (<c>@map</c> on enum
/// values). The generated code derives one per schema enum with a switch, so no reflection is used.
/// </summary>
public abstract class EnumMapping
{
    /// <summary>The database type name (<c>@@map</c> on the enum), used for PostgreSQL casts.</summary>
    public abstract string DatabaseTypeName { get; }

    /// <summary>The database schema of the enum type, or null for the connection's schema.</summary>
    public virtual string? DatabaseSchema => null;

    /// <summary>The database name of a boxed C# enum value.</summary>
    public abstract string ToDatabase(object value);

    /// <summary>The boxed C# enum value for a database name.</summary>
    public abstract object FromDatabase(string name);
}

/// <summary>A typed <see cref="EnumMapping"/> with the conversions the generated readers call.</summary>
/// <typeparam name="TEnum">The generated C# enum.</typeparam>
public abstract class EnumMapping<TEnum> : EnumMapping where TEnum : struct, Enum
{
    /// <summary>The database name of <paramref name="value"/>.</summary>
    public abstract string ToName(TEnum value);

    /// <summary>The C# value stored as <paramref name="name"/>.</summary>
    public abstract TEnum FromName(string name);

    /// <inheritdoc />
    public sealed override string ToDatabase(object value) => ToName((TEnum)value);

    /// <inheritdoc />
    public sealed override object FromDatabase(string name) => FromName(name);

    /// <summary>The error for a stored name the schema does not declare.</summary>
    protected static Exception UnknownName(string name) =>
        new StrataException(ErrorCodes.InconsistentData, $"The database holds \"{name}\", which is not a value of enum {typeof(TEnum).Name} in the schema.");
}
