namespace Strata.Metadata;

/// <summary>What happens to the records that refer to a record when it is deleted or its referenced key changes (<c>onDelete</c>, <c>onUpdate</c>).</summary>
public enum ReferentialAction
{
    /// <summary>The database's default: refuse the change (at the end of the statement).</summary>
    NoAction,
    /// <summary>Delete the referring records too, or give them the new key.</summary>
    Cascade,
    /// <summary>Refuse the change while referring records exist.</summary>
    Restrict,
    /// <summary>Set the referring records' foreign key to null.</summary>
    SetNull,
    /// <summary>Set the referring records' foreign key to its default.</summary>
    SetDefault,
}

/// <summary>Who keeps relations intact: the database's foreign keys, or the client (the schema's <c>relationMode</c>).</summary>
public enum RelationMode
{
    /// <summary><c>relationMode = "foreignKeys"</c> (the default): the database's foreign keys and their actions.</summary>
    ForeignKeys,
    /// <summary><c>relationMode = "prisma"</c>: no foreign keys; the client carries out the referential actions of deletes and updates.</summary>
    Prisma,
}
