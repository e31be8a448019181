using System.Text.Json;
using System.Text.Json.Serialization;

namespace KneeSpine.Web.Assessments;

/// <summary>One stored assessment version.</summary>
/// <param name="Id">This version's id.</param>
/// <param name="SeriesId">The logical assessment, shared by all its versions.</param>
/// <param name="Version">1 for the original; each edit adds one.</param>
/// <param name="SupersedesId">The version this one replaced, when it is an edit.</param>
/// <param name="IsCurrent">Whether no later version replaces this one.</param>
/// <param name="Result">assessment-result.schema.json, as evaluated when stored.</param>
/// <param name="Input">assessment-input.schema.json; only on single-assessment answers.</param>
public sealed record AssessmentResponse(
    Guid Id,
    Guid PatientId,
    Guid SeriesId,
    int Version,
    Guid? SupersedesId,
    bool IsCurrent,
    DateOnly AssessedOn,
    int DaysSinceSurgery,
    string Triage,
    int BackPainNow,
    int? KneePainNow,
    string KnowledgeBaseVersion,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    JsonElement Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Input);
