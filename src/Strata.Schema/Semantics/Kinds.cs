namespace Strata.Schema.Semantics
{
    /// <summary>The scalar types of the schema language.</summary>
    public enum ScalarType
    {
        /// <summary>Text.</summary>
        String,
        /// <summary>true or false.</summary>
        Boolean,
        /// <summary>32-bit integer.</summary>
        Int,
        /// <summary>64-bit integer.</summary>
        BigInt,
        /// <summary>Double-precision floating point.</summary>
        Float,
        /// <summary>Exact decimal.</summary>
        Decimal,
        /// <summary>Timestamp.</summary>
        DateTime,
        /// <summary>JSON document.</summary>
        Json,
        /// <summary>Binary data.</summary>
        Bytes,
    }

    /// <summary>Whether a field holds one value, maybe none, or a list.</summary>
    public enum FieldArity
    {
        /// <summary>Exactly one value.</summary>
        Required,
        /// <summary>One value or null (<c>?</c>).</summary>
        Optional,
        /// <summary>A list (<c>[]</c>).</summary>
        List,
    }

    /// <summary>What a field's type refers to.</summary>
    public enum FieldKind
    {
        /// <summary>A scalar type such as String or Int.</summary>
        Scalar,
        /// <summary>A declared enum.</summary>
        Enum,
        /// <summary>A declared composite type (stored as a JSON document on SQL databases).</summary>
        Composite,
        /// <summary>Another model or view: a relation field, with no column of its own.</summary>
        Relation,
        /// <summary><c>Unsupported("...")</c>: a column type the client cannot read.</summary>
        Unsupported,
    }

    /// <summary>What the database does to referencing rows when the referenced row is deleted or its key updated.</summary>
    public enum ReferentialAction
    {
        /// <summary>Delete or update the referencing rows too.</summary>
        Cascade,
        /// <summary>Refuse the change at once.</summary>
        Restrict,
        /// <summary>Refuse the change at the end of the statement.</summary>
        NoAction,
        /// <summary>Set the foreign key to NULL.</summary>
        SetNull,
        /// <summary>Set the foreign key to its default.</summary>
        SetDefault,
    }

    /// <summary>The cardinality of a relation.</summary>
    public enum RelationKind
    {
        /// <summary>One to one: both sides singular.</summary>
        OneToOne,
        /// <summary>One to many: one side a list.</summary>
        OneToMany,
        /// <summary>Implicit many to many, through a join table.</summary>
        ManyToMany,
    }

    /// <summary>Sort order of an index column.</summary>
    public enum SortOrder
    {
        /// <summary>Ascending.</summary>
        Asc,
        /// <summary>Descending.</summary>
        Desc,
    }

    /// <summary>The database providers Strata knows.</summary>
    public enum ProviderKind
    {
        /// <summary>SQLite.</summary>
        Sqlite,
        /// <summary>PostgreSQL (<c>postgresql</c> or <c>postgres</c>).</summary>
        PostgreSql,
        /// <summary>MySQL or MariaDB (<c>mysql</c>).</summary>
        MySql,
        /// <summary>A provider Prisma has that Strata does not support yet (sqlserver, mongodb, cockroachdb).</summary>
        Unsupported,
    }
}
