using System.ComponentModel;

namespace Strata;

/// <summary>
/// Marks a filter-proxy member whose field is required (generated code puts it there). Strata's
/// analyzer reports <c>== null</c> and <c>!= null</c> on such a member as error SG2001: a required
/// field is never null, so the comparison would match nothing (or everything).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequiredFieldAttribute : Attribute;
