namespace Strata.Metadata;

/// <summary>How a column's values are stored and read.</summary>
public enum ScalarKind
{
    /// <summary>Text (<c>String</c>).</summary>
    String,
    /// <summary>32-bit integer (<c>Int</c>).</summary>
    Int,
    /// <summary>64-bit integer (<c>BigInt</c>).</summary>
    BigInt,
    /// <summary>Double (<c>Float</c>).</summary>
    Float,
    /// <summary>Exact decimal (<c>Decimal</c>).</summary>
    Decimal,
    /// <summary>true or false (<c>Boolean</c>).</summary>
    Boolean,
    /// <summary>A UTC timestamp (<c>DateTime</c>).</summary>
    DateTime,
    /// <summary>A JSON document (<c>Json</c>, composite types).</summary>
    Json,
    /// <summary>Binary data (<c>Bytes</c>).</summary>
    Bytes,
    /// <summary>A value of a schema enum, stored as its database name.</summary>
    Enum,
}

/// <summary>Where a column's value comes from when a create does not set it.</summary>
public enum DefaultKind
{
    /// <summary>No default: null for optional columns, else the create must set it.</summary>
    None,
    /// <summary><c>autoincrement()</c>: the database assigns it; read back after the insert.</summary>
    Autoincrement,
    /// <summary><c>dbgenerated(...)</c>: the database assigns it; read back after the insert.</summary>
    DatabaseGenerated,
    /// <summary><c>now()</c>: the current UTC time, set by the client.</summary>
    Now,
    /// <summary><c>uuid()</c> or <c>uuid(4)</c>: a random UUID as text.</summary>
    UuidV4,
    /// <summary><c>uuid(7)</c>: a time-ordered UUID as text.</summary>
    UuidV7,
    /// <summary><c>cuid()</c>.</summary>
    Cuid,
    /// <summary><c>ulid()</c>.</summary>
    Ulid,
    /// <summary><c>nanoid()</c> or <c>nanoid(n)</c>.</summary>
    NanoId,
    /// <summary>A literal or enum value written in the schema.</summary>
    Literal,
}
