using Strata.Metadata;
using Strata.Queries;

namespace Strata.Projection;

/// <summary>
/// What a select reads of one model: the fields its selector touched, the relations it selected
/// (each with its own selection and where/order/paging) and the relations it counted. Recorded by
/// running the selector once over a proxy in recording mode, then turned into the query state
/// (omitted columns and includes) that the ordinary read path runs.
/// </summary>
internal sealed class Selection
{
    private readonly bool[] _columns;
    private readonly Selection?[] _relations;
    private readonly QueryState?[] _relationStates;
    private readonly Filter?[] _counts;
    private readonly bool[] _counted;

    public Selection(ModelInfo model)
    {
        Model = model;
        _columns = new bool[model.Columns.Length];
        _relations = new Selection?[model.Relations.Length];
        _relationStates = new QueryState?[model.Relations.Length];
        _counts = new Filter?[model.Relations.Length];
        _counted = new bool[model.Relations.Length];
    }

    public ModelInfo Model { get; }

    public void AddColumn(int column) => _columns[column] = true;

    public bool HasColumn(int column) => _columns[column];

    public void AddRelation(int relation, Selection selection, QueryState state)
    {
        if (_relations[relation] != null)
            throw Invalid($"{Model.Name}.{Model.Relations[relation].FieldName} is selected twice: select a relation once (its Where, order and paging go before its Select).");
        _relations[relation] = selection;
        _relationStates[relation] = state;
    }

    /// <summary>The selection of a relation the recording selected; null when it did not.</summary>
    public Selection? Relation(int relation) => _relations[relation];

    public void AddCount(int relation, Filter? where)
    {
        if (_counted[relation])
            throw Invalid($"The count of {Model.Name}.{Model.Relations[relation].FieldName} is selected twice: count a relation once.");
        _counted[relation] = true;
        _counts[relation] = where;
    }

    public bool HasCount(int relation) => _counted[relation];

    /// <summary>The query state that reads exactly this selection: <paramref name="state"/>'s rows, the selected columns, the selected relations as includes.</summary>
    public QueryState ToState(QueryState state)
    {
        var includes = new List<Include>();
        for (int r = 0; r < _relations.Length; r++)
        {
            var relation = Model.Relations[r];
            if (_relations[r] is { } child) includes.Add(new SelectedInclude(relation, child.ToState(_relationStates[r]!)));
            if (_counted[r]) includes.Add(CountInclude.Of(new SelectedInclude(relation, QueryState.Empty with { Where = _counts[r] })));
        }
        if (!_columns.Contains(true) && includes.Count == 0)
            throw Invalid($"The select of {Model.Name} reads no field: select at least one field, relation or count.");
        bool[]? omitted = null;
        if (_columns.Contains(false))
        {
            omitted = new bool[_columns.Length];
            for (int c = 0; c < _columns.Length; c++) omitted[c] = !_columns[c];
        }
        return state with { Omitted = omitted, Includes = [.. includes] };
    }

    public StrataException Invalid(string message) => new(ErrorCodes.InvalidQuery, message) { Model = Model.Name };
}

/// <summary>A relation that a select reads, with the related records' own selection as its state.</summary>
internal sealed class SelectedInclude(RelationInfo relation, QueryState state) : Include(relation, state);
