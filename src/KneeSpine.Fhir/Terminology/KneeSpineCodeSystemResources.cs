using System.Globalization;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Fhir.Terminology;

/// <summary>The KneeSpine CodeSystem resources, so a FHIR server or terminology service can publish every code KneeSpine emits.</summary>
/// <remarks>
/// Knowledge-base systems (triage level, alert, factor, plan item) carry the knowledge-base version; the
/// input code sets and the question codes carry the input schema version; audit actions their own.
/// </remarks>
public static class KneeSpineCodeSystemResources
{
    /// <summary>Version of the audit-action code system; raise it when an action is added or changed.</summary>
    public const string AuditActionsVersion = "2";

    /// <summary>Every KneeSpine code system, built from <paramref name="knowledgeBase"/> and the input catalogue.</summary>
    public static IReadOnlyList<CodeSystem> All(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var kb = knowledgeBase.Version;
        var schema = AssessmentInput.SchemaVersion.ToString(CultureInfo.InvariantCulture);
        var systems = new List<CodeSystem>
        {
            Build(KneeSpineCodeSystems.TriageLevel, "Triage level", kb,
                Engine.Codes.Code<TriageLevel>.Values.Reverse().Select(l => Concept(SpecCodes.Of(l), CodeDisplay.For(SpecCodes.Of(l)), knowledgeBase.Headline(l)))),
            Build(KneeSpineCodeSystems.Alert, "Alert", kb, knowledgeBase.Alerts.Select(a => Concept(a.Id, a.Title, a.Explanation))),
            Build(KneeSpineCodeSystems.Factor, "Contributing factor", kb, knowledgeBase.Factors.Select(f => Concept(f.Id, f.Title, f.Explanation))),
            Build(KneeSpineCodeSystems.Certainty, "Factor certainty", kb,
                Engine.Codes.Code<Certainty>.Values.Reverse().Select(c => Concept(SpecCodes.Of(c), CodeDisplay.For(SpecCodes.Of(c)), null))),
            Build(KneeSpineCodeSystems.PlanItem, "Plan item", kb, knowledgeBase.PlanItems.Select(p => Concept(p.Id, p.Title, p.PatientText))),
            Build(KneeSpineCodeSystems.PlanBasis, "Plan basis", kb, [Concept(KneeSpineCodeSystems.Baseline)]),
            Build(KneeSpineCodeSystems.ObservationCode, "Observation", kb, ObservationCodes.All.Select(Concept)),
            Build(KneeSpineCodeSystems.InputField, "Assessment question", schema, InputFields.All.Select(f => Concept(f.Path, f.Label, f.Question))),
            Build(KneeSpineCodeSystems.AuditAction, "Audit action", AuditActionsVersion, Audit.AuditActions.All.Select(a => Concept(a.Code, a.Display, null))),
        };
        systems.AddRange(KneeSpineCodeSystems.InputCodeSets.Values.Select(set =>
            Build(set.System, "Answer codes of " + set.FieldPath, schema, set.Codes.Select(c => Concept(c, CodeDisplay.For(c), null)))));
        return systems;
    }

    private static CodeSystem Build(string url, string title, string version, IEnumerable<CodeSystem.ConceptDefinitionComponent> concepts)
    {
        var id = url[KneeSpineCodeSystems.CodeSystemBase.Length..];
        var concept = concepts.ToList();
        return new CodeSystem
        {
            Id = "kneespine-" + id,
            Url = url,
            Version = version,
            Name = "KneeSpine" + string.Concat(id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
            Title = "KneeSpine " + title,
            Status = PublicationStatus.Active,
            Publisher = "KneeSpine",
            CaseSensitive = true,
            Content = CodeSystemContentMode.Complete,
            Count = concept.Count,
            Concept = concept,
        };
    }

    private static CodeSystem.ConceptDefinitionComponent Concept(Coding coding) => new() { Code = coding.Code, Display = coding.Display };

    private static CodeSystem.ConceptDefinitionComponent Concept(string code, string display, string? definition) =>
        new() { Code = code, Display = display, Definition = definition };
}
