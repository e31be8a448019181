using KneeSpine.Engine.Results;
using KneeSpine.Web.Evaluate;

namespace KneeSpine.Web.Benchmark;

/// <summary>
/// The floor's evaluated columns, evaluated once from the first valid body and reused: the load test posts one body,
/// so every floor row matches the rows the real endpoint stores while the floor itself never evaluates.
/// </summary>
internal sealed class FloorRowCache(AssessmentEvaluation evaluation)
{
    private FloorRow? _row;

    /// <summary>The cached row; null when none is cached yet and <paramref name="body"/> is not a valid assessment.</summary>
    public FloorRow? Get(byte[] body)
    {
        if (_row is { } row)
        {
            return row;
        }

        var outcome = evaluation.Evaluate(body);
        if (!outcome.IsValid)
        {
            return null;
        }

        var (input, result) = (outcome.Input!, outcome.Result!);
        // A race between the first requests only evaluates twice; either row is the same.
        return _row = new FloorRow(
            input.AssessedOn, result.DaysSinceSurgery, result.Triage.Level, input.BackPain.IntensityNow.Value, input.Knee?.PainNow?.Value,
            result.KnowledgeBaseVersion, AssessmentResultJson.ToJson(result));
    }
}
