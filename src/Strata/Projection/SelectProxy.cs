using System.ComponentModel;
using Strata.Metadata;
using Strata.Projection;

namespace Strata;

/// <summary>
/// The base of a generated select proxy (<c>UserSelect</c>): the fields and relations a
/// <c>Select</c> lambda can read. The lambda runs once in recording mode, where each member
/// notes what it reads and returns a placeholder, and then once per record, where each member
/// returns the record's value. A member the recording did not read (a field read only on some
/// records) is an error, never a silent default.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class SelectProxy
{
    private readonly ModelInfo _model;
    private Selection _selection;
    private bool _recording;
    private IStrataEntity? _current;
    private SelectProxy?[]? _children;

    /// <summary>Creates a proxy of <paramref name="model"/> (generated code does this).</summary>
    protected SelectProxy(ModelInfo model)
    {
        _model = model;
        _selection = new Selection(model);
        _recording = true;
    }

    /// <summary>The record the proxy reads, in reading mode.</summary>
    internal IStrataEntity CurrentRecord => _current!;

    internal Selection Selection => _selection;

    internal bool Recording => _recording;

    /// <summary>True when the member of column <paramref name="column"/> should return the record's value; false while recording (return a placeholder).</summary>
    protected bool Selected(int column)
    {
        if (_recording)
        {
            _selection.AddColumn(column);
            return false;
        }
        if (!_selection.HasColumn(column)) throw NotRecorded(_model.Columns[column].FieldName);
        return true;
    }

    /// <summary>A list relation to select from (generated code calls this).</summary>
    protected SelectMany<TSelect, TWhere, TFields> SelectList<TSelect, TWhere, TFields>(int relation, Func<TSelect> create)
        where TSelect : SelectProxy where TWhere : IProxy<TWhere> where TFields : IProxy<TFields> =>
        new(this, relation, create, _recording ? Queries.QueryState.Empty : null);

    /// <summary>A to-one relation to select from (generated code calls this).</summary>
    protected SelectOne<TSelect> SelectSingle<TSelect>(int relation, Func<TSelect> create) where TSelect : SelectProxy => new(this, relation, create);

    internal RelationInfo RelationAt(int relation) => _model.Relations[relation];

    /// <summary>Switches to reading records of the recorded <paramref name="selection"/>.</summary>
    internal void StartReading(Selection selection)
    {
        _selection = selection;
        _recording = false;
    }

    internal void Position(IStrataEntity record) => _current = record;

    /// <summary>The proxy that reads the records of relation <paramref name="relation"/>: one per relation and parent proxy, reused for every record.</summary>
    internal TSelect Child<TSelect>(int relation, Func<TSelect> create) where TSelect : SelectProxy
    {
        _children ??= new SelectProxy?[_model.Relations.Length];
        return (TSelect)(_children[relation] ??= create());
    }

    internal StrataException NotRecorded(string member) => _selection.Invalid(
        $"The select read {_model.Name}.{member} for a record but not when it was recorded: a select lambda must read the same fields and relations for every record (read them unconditionally, decide afterwards).");
}

/// <summary>A generated select proxy of entity <typeparamref name="TEntity"/>.</summary>
/// <typeparam name="TEntity">The entity whose fields the proxy reads.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class SelectProxy<TEntity> : SelectProxy where TEntity : class, IStrataEntity
{
    /// <summary>Creates a proxy of <paramref name="model"/> (generated code does this).</summary>
    protected SelectProxy(ModelInfo model) : base(model) { }

    /// <summary>The record being read.</summary>
    protected TEntity SelectedRow => (TEntity)CurrentRecord;
}
