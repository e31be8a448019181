using System.Text.Json.Nodes;

namespace KneeSpine.Web.Reports;

/// <summary>
/// The report as one JSON object (<c>kneespine report --format json</c>): <c>patients</c> and <c>assessments</c> (null
/// when suppressed), the data's age, the filter and every table by id. A cell is a number, a label, or the suppressed
/// text (such as <c>"&lt;5"</c>), exactly as the CSV shows it.
/// </summary>
public static class ReportJson
{
    public static JsonObject ToJson(OutcomesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tables = new JsonObject();
        foreach (var table in report.Tables)
        {
            tables[table.Id] = new JsonObject
            {
                ["title"] = table.Title,
                ["columns"] = new JsonArray([.. table.Columns.Select(c => (JsonNode?)JsonValue.Create(c))]),
                ["rows"] = new JsonArray([.. table.Rows.Select(row => (JsonNode?)new JsonArray([.. row.Select(Cell)]))]),
            };
        }

        return new JsonObject
        {
            ["patients"] = report.Patients,
            ["assessments"] = report.Assessments,
            ["dataAsOf"] = report.DataAsOf,
            ["generatedAt"] = report.GeneratedAt,
            ["minimumCellSize"] = report.MinimumCellSize,
            ["tooFewPatients"] = report.TooFew,
            ["filter"] = new JsonObject([.. report.Filter.ToPairs().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))]),
            ["tables"] = tables,
        };
    }

    private static JsonNode? Cell(ReportCell cell) =>
        cell.Number is { } n && !cell.Suppressed ? JsonValue.Create(n) : JsonValue.Create(cell.Text);
}
