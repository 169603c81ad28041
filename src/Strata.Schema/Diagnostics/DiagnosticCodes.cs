namespace Strata.Schema.Diagnostics
{
    /// <summary>
    /// The stable diagnostic codes. A code never changes meaning once released; docs/schema.md
    /// explains each one (a test checks that every code here is documented there).
    /// S1xxx syntax, S2xxx names and declarations, S3xxx attributes, S4xxx models,
    /// S5xxx defaults, S6xxx providers and native types, S7xxx relations.
    /// </summary>
    public static class DiagnosticCodes
    {
        /// <summary>A character that is not part of the language.</summary>
        public const string UnexpectedCharacter = "S1001";
        /// <summary>A string literal without its closing quote.</summary>
        public const string UnterminatedString = "S1002";
        /// <summary>The parser expected something else here.</summary>
        public const string UnexpectedToken = "S1003";
        /// <summary>A top-level keyword that is not datasource, generator, model, view, enum or type.</summary>
        public const string UnknownBlockKeyword = "S1004";
        /// <summary>A block whose closing brace is missing.</summary>
        public const string UnclosedBlock = "S1005";
        /// <summary>A field without a type.</summary>
        public const string MissingFieldType = "S1006";
        /// <summary>Values nested deeper than the parser accepts.</summary>
        public const string NestingTooDeep = "S1007";
        /// <summary>An invalid escape sequence in a string literal.</summary>
        public const string InvalidEscape = "S1008";

        /// <summary>Two models, views, enums or composite types share a name.</summary>
        public const string DuplicateTopLevelName = "S2001";
        /// <summary>Two fields of one model share a name.</summary>
        public const string DuplicateField = "S2002";
        /// <summary>Two values of one enum share a name.</summary>
        public const string DuplicateEnumValue = "S2003";
        /// <summary>A field type that is neither a scalar type nor a declared model, enum or composite type.</summary>
        public const string UnknownType = "S2004";
        /// <summary>More than one datasource block.</summary>
        public const string DuplicateDatasource = "S2005";
        /// <summary>No datasource block: provider checks are skipped.</summary>
        public const string MissingDatasource = "S2006";
        /// <summary>Two models or views map to the same table name.</summary>
        public const string DuplicateTableName = "S2007";
        /// <summary>Two constraints or indexes share a database name.</summary>
        public const string DuplicateConstraintName = "S2008";
        /// <summary>Two fields of one model map to the same column name.</summary>
        public const string DuplicateColumnName = "S2009";
        /// <summary>A datasource or generator property that is missing, unknown, repeated or of the wrong type.</summary>
        public const string InvalidConfigProperty = "S2010";
        /// <summary>Two generator blocks share a name.</summary>
        public const string DuplicateGenerator = "S2011";
        /// <summary>A compound unique or id name that clashes with a field name or another constraint's name.</summary>
        public const string DuplicateClientName = "S2012";
        /// <summary>A reserved or invalid name for a model, field or enum.</summary>
        public const string InvalidName = "S2013";
        /// <summary>A datasource property that Prisma renamed, such as <c>referentialIntegrity</c>.</summary>
        public const string DeprecatedProperty = "S2014";
        /// <summary>A preview feature Prisma does not know (an error, as in Prisma).</summary>
        public const string UnknownPreviewFeature = "S2015";
        /// <summary>A preview feature that is no longer needed, or was renamed (a warning).</summary>
        public const string DeprecatedPreviewFeature = "S2016";

        /// <summary>An attribute that does not exist, or is not allowed in this place.</summary>
        public const string UnknownAttribute = "S3001";
        /// <summary>A required attribute argument is missing.</summary>
        public const string MissingArgument = "S3002";
        /// <summary>An attribute argument that the attribute does not take.</summary>
        public const string UnknownArgument = "S3003";
        /// <summary>An attribute argument of the wrong type.</summary>
        public const string InvalidArgument = "S3004";
        /// <summary>The same attribute twice on one field or block.</summary>
        public const string DuplicateAttribute = "S3005";
        /// <summary>An attribute that is not allowed on this kind of field.</summary>
        public const string AttributeNotAllowed = "S3006";
        /// <summary>More than one primary key in a model.</summary>
        public const string MultiplePrimaryKeys = "S3007";
        /// <summary>A field list that names an unknown field, or a field of the wrong kind.</summary>
        public const string UnknownFieldReference = "S3008";
        /// <summary>A primary key on an optional or list field.</summary>
        public const string OptionalId = "S3009";
        /// <summary><c>@updatedAt</c> on a field that is not DateTime.</summary>
        public const string UpdatedAtNotDateTime = "S3010";
        /// <summary>The same named argument twice.</summary>
        public const string DuplicateArgument = "S3011";

        /// <summary>A model with no <c>@id</c>, <c>@@id</c>, <c>@unique</c> or <c>@@unique</c> and no <c>@@ignore</c>.</summary>
        public const string NoUniqueCriterion = "S4001";
        /// <summary>A composite type field that uses a feature composite types do not have.</summary>
        public const string InvalidCompositeField = "S4002";
        /// <summary>A field is ignored, but a relation or constraint needs it.</summary>
        public const string IgnoredFieldUsed = "S4003";
        /// <summary>A <c>view</c> block without the <c>views</c> preview feature in a generator.</summary>
        public const string ViewsNotEnabled = "S4004";

        /// <summary>A default value whose type does not match the field.</summary>
        public const string DefaultTypeMismatch = "S5001";
        /// <summary>A default function that cannot produce the field's type.</summary>
        public const string DefaultFunctionNotAllowed = "S5002";
        /// <summary>A default function that does not exist.</summary>
        public const string UnknownDefaultFunction = "S5003";
        /// <summary>An enum default that is not a value of the enum.</summary>
        public const string UnknownEnumDefault = "S5004";
        /// <summary>A default function argument that is out of range or of the wrong type.</summary>
        public const string InvalidDefaultArgument = "S5005";
        /// <summary><c>autoincrement()</c> on a field that the provider cannot auto-increment.</summary>
        public const string AutoincrementNotSupported = "S5006";

        /// <summary>A datasource provider that Strata does not support yet.</summary>
        public const string UnsupportedProvider = "S6001";
        /// <summary>A native type attribute that does not exist for the provider.</summary>
        public const string UnknownNativeType = "S6002";
        /// <summary>A native type that does not fit the field's scalar type.</summary>
        public const string NativeTypeMismatch = "S6003";
        /// <summary>A native type with the wrong number or kind of arguments.</summary>
        public const string InvalidNativeTypeArguments = "S6004";
        /// <summary>A scalar list on a provider that has none.</summary>
        public const string ScalarListNotSupported = "S6005";
        /// <summary>An option or argument the provider does not have.</summary>
        public const string ProviderOptionNotSupported = "S6006";
        /// <summary><c>@@schema</c> naming a schema that the datasource does not list.</summary>
        public const string UnknownDatabaseSchema = "S6007";
        /// <summary>A model, view or enum without <c>@@schema</c> while the datasource lists <c>schemas</c>.</summary>
        public const string MissingSchemaAttribute = "S6008";
        /// <summary>A <c>map:</c> name on a primary key or foreign key, which SQLite does not keep.</summary>
        public const string ConstraintNameNotSupported = "S6009";

        /// <summary>A MySQL key or index over a TEXT or BLOB column without a prefix <c>length:</c>.</summary>
        public const string KeyOverLob = "S6010";

        /// <summary>A <c>map:</c> name longer than the provider keeps (63 bytes on PostgreSQL, 64 on MySQL).</summary>
        public const string ConstraintNameTooLong = "S6011";

        /// <summary>A relation field without its opposite field on the other model.</summary>
        public const string MissingBackRelation = "S7001";
        /// <summary>Relations between the same models that cannot be told apart without a name.</summary>
        public const string AmbiguousRelation = "S7002";
        /// <summary><c>fields</c> and <c>references</c> of different lengths.</summary>
        public const string RelationArityMismatch = "S7003";
        /// <summary>A foreign key field whose type differs from the field it references.</summary>
        public const string RelationTypeMismatch = "S7004";
        /// <summary><c>references</c> that are not a unique criterion of the referenced model.</summary>
        public const string ReferencesNotUnique = "S7005";
        /// <summary>A one-to-one relation whose foreign key is not unique.</summary>
        public const string OneToOneNotUnique = "S7006";
        /// <summary><c>fields</c>/<c>references</c> or referential actions on both sides of a relation.</summary>
        public const string RelationArgumentsOnBothSides = "S7007";
        /// <summary>A referential action that cannot work, such as SetNull on a required field.</summary>
        public const string InvalidReferentialAction = "S7008";
        /// <summary>A one-to-one or one-to-many relation where no side defines <c>fields</c> and <c>references</c>.</summary>
        public const string MissingRelationFields = "S7009";
        /// <summary><c>fields</c> without <c>references</c>, or the other way round.</summary>
        public const string IncompleteRelationArguments = "S7010";
        /// <summary><c>fields</c>/<c>references</c> on a list relation field.</summary>
        public const string RelationFieldsOnList = "S7011";
        /// <summary>A relation field whose optionality does not match its foreign key fields.</summary>
        public const string RelationOptionalityMismatch = "S7012";
        /// <summary>An implicit many-to-many relation between models without a single-field id.</summary>
        public const string ManyToManyNeedsSingleId = "S7013";
        /// <summary>The side of a one-to-one relation without the foreign key is required.</summary>
        public const string OneToOneBackRelationRequired = "S7014";
        /// <summary>A SetDefault action on a foreign key field without a default.</summary>
        public const string SetDefaultWithoutDefault = "S7015";
        /// <summary>With <c>relationMode = "prisma"</c>, a self-relation whose actions cascade or set NULL.</summary>
        public const string CyclicReferentialActions = "S7016";
        /// <summary>With <c>relationMode = "prisma"</c>, foreign key fields that no index covers.</summary>
        public const string RelationFieldsNotIndexed = "S7017";
        /// <summary>An implicit many-to-many relation with a view on either side.</summary>
        public const string ManyToManyWithView = "S7018";
    }
}
