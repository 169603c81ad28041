namespace Strata.Benchmarks.Scenarios;

/// <summary>Names a benchmark class's scenario for the report (a title, and a short label for the chart), in the order of <see cref="Order"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ScenarioAttribute(int order, string title, string label) : Attribute
{
    public int Order { get; } = order;
    public string Title { get; } = title;
    public string Label { get; } = label;
}
