using System.Collections.Frozen;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Fhir.Questionnaires;

/// <summary>The FHIR R4 Questionnaire of the assessment, generated from <see cref="InputFields"/>.</summary>
/// <remarks>
/// One item per input field, its <c>linkId</c> being the field's JSON path, inside one group per section.
/// The version is the input schema version alone: the questions depend on the schema, not on the
/// knowledge base, so a knowledge-base update does not orphan stored responses.
/// </remarks>
public static class AssessmentQuestionnaire
{
    /// <summary>Questionnaire.version: the input schema version.</summary>
    public static string Version { get; } = AssessmentInput.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The canonical with its version, as QuestionnaireResponse.questionnaire carries it.</summary>
    public static string VersionedCanonical { get; } = KneeSpineCodeSystems.QuestionnaireUrl + "|" + Version;

    /// <summary>Extension holding the lowest allowed answer of an item.</summary>
    public const string MinValueExtension = "http://hl7.org/fhir/StructureDefinition/minValue";

    /// <summary>Extension holding the highest allowed answer of an item.</summary>
    public const string MaxValueExtension = "http://hl7.org/fhir/StructureDefinition/maxValue";

    private static readonly FrozenDictionary<string, string> SectionTitles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["redFlags"] = "Warning signs (please answer every question)",
        ["assessment"] = "About this assessment",
        ["patient"] = "About you",
        ["surgery"] = "Your knee operation",
        ["backPain"] = "Your back pain",
        ["knee"] = "Your knee",
        ["activity"] = "Activity and walking",
        ["sleep"] = "Sleep",
        ["conditions"] = "Health problems",
        ["medications"] = "Medicines",
        ["expectations"] = "What you expect",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The linkId of the group that holds the items of <paramref name="section"/>.</summary>
    /// <remarks>Prefixed because a section may hold a single field of the same name (<c>conditions</c>) and linkIds must be unique.</remarks>
    public static string GroupLinkId(string section) => "section:" + section;

    /// <summary>The title shown for <paramref name="section"/>.</summary>
    /// <exception cref="KeyNotFoundException">The section is not one of <see cref="InputFields.Sections"/>.</exception>
    public static string SectionTitle(string section) => SectionTitles[section];

    /// <summary>Builds the Questionnaire (a new instance each call, so callers may change it).</summary>
    public static Questionnaire Build()
    {
        var questionnaire = new Questionnaire
        {
            Id = KneeSpineCodeSystems.QuestionnaireId,
            Url = KneeSpineCodeSystems.QuestionnaireUrl,
            Version = Version,
            Name = "KneeSpineAssessment",
            Title = "Back pain after knee replacement: follow-up assessment",
            Status = PublicationStatus.Active,
            SubjectType = [ResourceType.Patient],
            Publisher = "KneeSpine",
            Description = "Follow-up questions about back pain after a knee replacement. KneeSpine supports, and does not " +
                "replace, clinical judgement. Every warning-sign question must be answered: an unanswered one is never taken as a no.",
        };
        foreach (var section in InputFields.Sections)
        {
            var fields = InputFields.All.Where(f => f.Section == section).ToList();
            questionnaire.Item.Add(new Questionnaire.ItemComponent
            {
                LinkId = GroupLinkId(section),
                Text = SectionTitle(section),
                Type = Questionnaire.QuestionnaireItemType.Group,
                Required = fields.Any(f => f.Required),
                Item = [.. fields.Select(ToItem)],
            });
        }

        return questionnaire;
    }

    private static Questionnaire.ItemComponent ToItem(InputField field)
    {
        var item = new Questionnaire.ItemComponent
        {
            LinkId = field.Path,
            Text = field.Question,
            Code = [new Coding(KneeSpineCodeSystems.InputField, field.Path, field.Label)],
            Type = ItemType(field.Kind),
            Required = field.Required,
            Repeats = field.Kind == FieldKind.ChoiceList,
        };
        if (field.Kind is FieldKind.Choice or FieldKind.ChoiceList)
        {
            var system = KneeSpineCodeSystems.ForInputField(field.Path);
            item.AnswerOption = [.. field.Codes.Select(code => new Questionnaire.AnswerOptionComponent { Value = new Coding(system, code, CodeDisplay.For(code)) })];
        }

        if (field.Minimum is { } minimum)
        {
            item.Extension.Add(new Extension(MinValueExtension, Bound(field.Kind, minimum)));
        }

        if (field.Maximum is { } maximum)
        {
            item.Extension.Add(new Extension(MaxValueExtension, Bound(field.Kind, maximum)));
        }

        return item;
    }

    private static DataType Bound(FieldKind kind, decimal value) =>
        kind == FieldKind.Integer ? new Integer((int)value) : new FhirDecimal(value);

    private static Questionnaire.QuestionnaireItemType ItemType(FieldKind kind) => kind switch
    {
        FieldKind.Boolean => Questionnaire.QuestionnaireItemType.Boolean,
        FieldKind.Integer => Questionnaire.QuestionnaireItemType.Integer,
        FieldKind.Decimal => Questionnaire.QuestionnaireItemType.Decimal,
        FieldKind.Date => Questionnaire.QuestionnaireItemType.Date,
        FieldKind.Choice or FieldKind.ChoiceList => Questionnaire.QuestionnaireItemType.Choice,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a field kind."),
    };
}
