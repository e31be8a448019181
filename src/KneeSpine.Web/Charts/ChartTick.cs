namespace KneeSpine.Web.Charts;

/// <summary>An axis tick: its value and its position along the axis in chart units.</summary>
public readonly record struct ChartTick(int Value, double Position);
