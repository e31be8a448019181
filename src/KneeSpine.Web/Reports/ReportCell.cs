namespace KneeSpine.Web.Reports;

/// <summary>
/// One figure of a report table as every output shows it: <see cref="Text"/> for people and CSV, <see cref="Number"/>
/// for charts and JSON (null when there is no number, or when it is suppressed).
/// </summary>
public readonly record struct ReportCell(string Text, double? Number, bool Suppressed = false)
{
    public static ReportCell Label(string text) => new(text, null);
}
