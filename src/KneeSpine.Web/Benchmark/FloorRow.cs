using KneeSpine.Engine.Results;

namespace KneeSpine.Web.Benchmark;

/// <summary>The evaluated columns the floor copies into every row it stores, so its rows have the real endpoint's shape and size.</summary>
internal sealed record FloorRow(
    DateOnly AssessedOn, int DaysSinceSurgery, TriageLevel Triage, int BackPainNow, int? KneePainNow, string KnowledgeBaseVersion, string ResultJson);
