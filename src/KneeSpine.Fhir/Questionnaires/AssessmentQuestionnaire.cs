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
    public static string VersionedCanonical { get; } = CanonicalOf(AssessmentInput.SchemaVersion);

    /// <summary>The canonical of the Questionnaire of input schema <paramref name="schemaVersion"/> (<c>|1</c> for records kept from version 1).</summary>
    public static string CanonicalOf(int schemaVersion) =>
        KneeSpineCodeSystems.QuestionnaireUrl + "|" + schemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
        ["psychosocial"] = "Mood and worry (you may skip these)",
        ["backFunction"] = "Back function (you may skip these)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The linkId of the group that holds the items of <paramref name="section"/>.</summary>
    /// <remarks>Prefixed because a section may hold a single field of the same name (<c>conditions</c>) and linkIds must be unique.</remarks>
    public static string GroupLinkId(string section) => "section:" + section;

    /// <summary>The title shown for <paramref name="section"/>.</summary>
    /// <exception cref="KeyNotFoundException">The section is not one of <see cref="InputFields.Sections"/>.</exception>
    public static string SectionTitle(string section) => SectionTitles[section];

    /// <summary>The linkId of the display item that shows the stem before the field at <paramref name="path"/>.</summary>
    public static string StemLinkId(string path) => "stem:" + path;

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
            var group = new Questionnaire.ItemComponent
            {
                LinkId = GroupLinkId(section),
                Text = SectionTitle(section),
                Type = Questionnaire.QuestionnaireItemType.Group,
                Required = fields.Any(f => f.Required),
            };
            // A questionnaire's shared stem (PHQ-2 and GAD-2, back function) is shown once, before its items.
            foreach (var run in Runs(fields))
            {
                if (run[0].Stem is { } stem)
                {
                    group.Item.Add(new Questionnaire.ItemComponent
                    {
                        LinkId = StemLinkId(run[0].Path),
                        Text = StemText(run[0]),
                        Type = Questionnaire.QuestionnaireItemType.Display,
                    });
                }

                group.Item.AddRange(run.Select(ToItem));
            }

            questionnaire.Item.Add(group);
        }

        return questionnaire;
    }

    private static Questionnaire.ItemComponent ToItem(InputField field)
    {
        var item = new Questionnaire.ItemComponent
        {
            LinkId = field.Path,
            Text = field.Question,
            Code = StandardCodes.ScreeningItems.TryGetValue(field.Path, out var loinc)
                ? [new Coding(KneeSpineCodeSystems.InputField, field.Path, field.Label), (Coding)loinc.DeepCopy()]
                : [new Coding(KneeSpineCodeSystems.InputField, field.Path, field.Label)],
            Type = ItemType(field.Kind),
            Required = field.Required,
            Repeats = field.Kind == FieldKind.ChoiceList,
        };
        if (field.Kind is FieldKind.Choice or FieldKind.ChoiceList)
        {
            var system = KneeSpineCodeSystems.ForInputField(field.Path);
            item.AnswerOption = [.. field.Codes.Select(code => new Questionnaire.AnswerOptionComponent { Value = new Coding(system, code, CodeDisplay.For(code)) })];
        }

        if (field.Kind == FieldKind.Integer && field.AnswerLabels.Count > 0)
        {
            // A scored item (PHQ-2, GAD-2, back function): its scale as options; the words of each value are in the stem's text.
            item.AnswerOption = [.. field.AnswerLabels.Select((_, value) => new Questionnaire.AnswerOptionComponent { Value = new Integer(value) })];
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

    // The answer is the number; the stem names what each number means (the questionnaires' own scale).
    private static string StemText(InputField field) =>
        field.Stem + " Answers: " + string.Join(", ", field.AnswerLabels.Select((label, i) =>
            $"{(field.Minimum ?? 0) + i} = {label}")) + ".";

    // Consecutive fields that share a stem (or have none) form one run.
    private static List<List<InputField>> Runs(List<InputField> fields)
    {
        var runs = new List<List<InputField>>();
        foreach (var field in fields)
        {
            if (runs.Count > 0 && runs[^1][0].Stem == field.Stem)
            {
                runs[^1].Add(field);
            }
            else
            {
                runs.Add([field]);
            }
        }

        return runs;
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
