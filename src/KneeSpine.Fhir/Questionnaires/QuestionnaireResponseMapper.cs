using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Terminology;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace KneeSpine.Fhir.Questionnaires;

/// <summary>Maps between a QuestionnaireResponse to <see cref="AssessmentQuestionnaire"/> and an <see cref="AssessmentInput"/>.</summary>
/// <remarks>
/// Answers are turned into the engine's input JSON and read with <see cref="AssessmentInputReader"/>, so a
/// FHIR answer out of range or a surgery date after the assessment gets the same check and message as the
/// JSON API; only the FHIR-specific problems (answer types, code systems, unknown items) are checked here.
/// Every error names the item by its linkId, which is the input field's JSON path.
/// </remarks>
public static partial class QuestionnaireResponseMapper
{
    /// <summary>Expression naming the response itself in errors that concern no single item.</summary>
    public const string ResourceExpression = "QuestionnaireResponse";

    /// <summary>Reads an assessment from <paramref name="response"/>; answers may be nested in groups or flat.</summary>
    public static QuestionnaireResponseMapping ToInput(QuestionnaireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var errors = new List<AnswerError>();
        CheckHeader(response, errors);
        var answered = CollectAnswers(response, errors);

        var document = new JsonObject { ["schemaVersion"] = AssessmentInput.SchemaVersion };
        foreach (var field in InputFields.All)
        {
            if (answered.TryGetValue(field.Path, out var answers))
            {
                if (ToJson(field, answers, errors) is { } value)
                {
                    Place(document, field.Path, value);
                }
            }
            else if (field.Required)
            {
                errors.Add(new AnswerError(field.Path, MissingMessage(field), IssueType.Required));
            }
        }

        var read = AssessmentInputReader.Read(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
        var engineErrors = read.Input is { } input ? AssessmentInputValidator.Validate(input) : read.Errors;
        foreach (var error in engineErrors)
        {
            var linkId = LinkIdOf(error.Path);
            if (!errors.Any(e => e.LinkId == linkId || e.LinkId.StartsWith(linkId + ".", StringComparison.Ordinal)))
            {
                errors.Add(new AnswerError(linkId, error.Message, IssueType.Value));
            }
        }

        return errors.Count == 0 && read.Input is not null
            ? new QuestionnaireResponseMapping(read.Input, [])
            : new QuestionnaireResponseMapping(null, errors);
    }

    /// <summary>
    /// Writes <paramref name="input"/> as a completed response to <see cref="AssessmentQuestionnaire"/>, one
    /// group per section that has answers.
    /// </summary>
    /// <param name="input">The assessment.</param>
    /// <param name="subjectReference">Reference to the patient (<c>Patient/123</c>), when known.</param>
    /// <param name="authored">When the answers were given; the assessment date when omitted.</param>
    public static QuestionnaireResponse ToQuestionnaireResponse(AssessmentInput input, string? subjectReference = null, DateTimeOffset? authored = null) =>
        ToQuestionnaireResponse(RecordedInput.FromInput(input), subjectReference, authored);

    /// <summary>
    /// Writes stored answers as a completed response, for exporting stored assessments. Answers recorded under an
    /// earlier input schema answer that version of the Questionnaire (<c>|1</c>) and carry no question text, because
    /// the current wording is not what was asked; a question that version did not ask has no item.
    /// </summary>
    /// <param name="input">The answers as recorded.</param>
    /// <param name="subjectReference">Reference to the patient (<c>Patient/123</c>), when known.</param>
    /// <param name="authored">When the answers were given; the assessment date when omitted.</param>
    public static QuestionnaireResponse ToQuestionnaireResponse(RecordedInput input, string? subjectReference = null, DateTimeOffset? authored = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var response = new QuestionnaireResponse
        {
            Questionnaire = AssessmentQuestionnaire.CanonicalOf(input.SchemaVersion),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Authored = authored is { } at
                ? new FhirDateTime(at).Value
                : input.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Subject = subjectReference is null ? null : new ResourceReference(subjectReference),
        };
        foreach (var section in InputFields.Sections)
        {
            var items = InputFields.All
                .Where(f => f.Section == section && input.WasAsked(f.Path))
                .Select(f => (Field: f, Node: input.Answer(f.Path)))
                .Where(p => p.Node is not null and not JsonArray { Count: 0 })
                .Select(p => new QuestionnaireResponse.ItemComponent
                {
                    LinkId = p.Field.Path,
                    Text = input.IsEarlierVersion ? null : p.Field.Question,
                    Answer = [.. ToAnswers(p.Field, p.Node!)],
                })
                .ToList();
            if (items.Count > 0)
            {
                response.Item.Add(new QuestionnaireResponse.ItemComponent
                {
                    LinkId = AssessmentQuestionnaire.GroupLinkId(section),
                    Text = AssessmentQuestionnaire.SectionTitle(section),
                    Item = items,
                });
            }
        }

        return response;
    }

    private static void CheckHeader(QuestionnaireResponse response, List<AnswerError> errors)
    {
        if (response.Status is not (QuestionnaireResponse.QuestionnaireResponseStatus.Completed or QuestionnaireResponse.QuestionnaireResponseStatus.Amended))
        {
            errors.Add(new AnswerError(ResourceExpression + ".status",
                "Only a completed (or amended) response can be assessed.", IssueType.Invalid));
        }

        if (response.Questionnaire == AssessmentQuestionnaire.CanonicalOf(1))
        {
            errors.Add(new AnswerError(ResourceExpression + ".questionnaire",
                $"The response answers version 1 of the questionnaire (input schemaVersion 1), which is no longer evaluated: " +
                $"answer {AssessmentQuestionnaire.VersionedCanonical} (schemaVersion {AssessmentInput.SchemaVersion}), which asks the version 2 red-flag questions.",
                IssueType.NotSupported));
        }
        else if (response.Questionnaire is { } canonical
            && canonical != KneeSpineCodeSystems.QuestionnaireUrl
            && canonical != AssessmentQuestionnaire.VersionedCanonical)
        {
            errors.Add(new AnswerError(ResourceExpression + ".questionnaire",
                $"The response answers '{canonical}', not {AssessmentQuestionnaire.VersionedCanonical}.", IssueType.Invalid));
        }
    }

    private static Dictionary<string, List<QuestionnaireResponse.AnswerComponent>> CollectAnswers(QuestionnaireResponse response, List<AnswerError> errors)
    {
        var answered = new Dictionary<string, List<QuestionnaireResponse.AnswerComponent>>(StringComparer.Ordinal);
        var pending = new Stack<QuestionnaireResponse.ItemComponent>(Enumerable.Reverse(response.Item));
        while (pending.TryPop(out var item))
        {
            foreach (var child in Enumerable.Reverse(item.Item.Concat(item.Answer.SelectMany(a => a.Item)).ToList()))
            {
                pending.Push(child);
            }

            if (item.Answer.Count == 0)
            {
                continue;
            }

            var linkId = item.LinkId ?? "";
            if (!InputFields.TryGet(linkId, out _))
            {
                errors.Add(new AnswerError(linkId.Length == 0 ? ResourceExpression + ".item.linkId" : linkId,
                    $"'{linkId}' is not a question of the KneeSpine assessment.", IssueType.Invalid));
            }
            else if (!answered.TryAdd(linkId, item.Answer))
            {
                errors.Add(new AnswerError(linkId, "This question is answered more than once.", IssueType.Invalid));
            }
        }

        return answered;
    }

    private static string MissingMessage(InputField field) => field.Section == "redFlags"
        ? "This warning-sign question must be answered: an unanswered question is never taken as a no."
        : "This question must be answered.";

    private static JsonNode? ToJson(InputField field, List<QuestionnaireResponse.AnswerComponent> answers, List<AnswerError> errors)
    {
        if (field.Kind != FieldKind.ChoiceList && answers.Count > 1)
        {
            errors.Add(new AnswerError(field.Path, "This question takes one answer only.", IssueType.Invalid));
            return null;
        }

        var values = new List<JsonNode>();
        foreach (var answer in answers)
        {
            var (value, problem) = ToJson(field, answer.Value);
            if (problem is not null)
            {
                errors.Add(new AnswerError(field.Path, problem, IssueType.Value));
            }
            else
            {
                values.Add(value!);
            }
        }

        if (values.Count != answers.Count)
        {
            return null;
        }

        return field.Kind == FieldKind.ChoiceList ? new JsonArray([.. values]) : values[0];
    }

    private static (JsonNode? Value, string? Problem) ToJson(InputField field, DataType? answer) => (field.Kind, answer) switch
    {
        (FieldKind.Boolean, FhirBoolean { Value: { } b }) => (JsonValue.Create(b), null),
        (FieldKind.Integer, Integer { Value: { } i }) => (JsonValue.Create(i), null),
        (FieldKind.Decimal, FhirDecimal { Value: { } d }) => (JsonValue.Create(d), null),
        (FieldKind.Decimal, Integer { Value: { } i }) => (JsonValue.Create(i), null),
        (FieldKind.Date, Date { Value: { } d }) => FullDate().IsMatch(d)
            ? (JsonValue.Create(d), null)
            : (null, $"'{d}' is not a full date (YYYY-MM-DD)."),
        (FieldKind.Choice or FieldKind.ChoiceList, Coding coding) => ToJson(field, coding),
        _ => (null, $"Expected {Expected(field.Kind)}, got {Describe(answer)}."),
    };

    private static (JsonNode? Value, string? Problem) ToJson(InputField field, Coding coding)
    {
        var system = KneeSpineCodeSystems.ForInputField(field.Path);
        if (coding.System != system)
        {
            return (null, $"Expected a code from {system}, got one from '{coding.System}'.");
        }

        return coding.Code is { } code && field.Codes.Contains(code, StringComparer.Ordinal)
            ? (JsonValue.Create(code), null)
            : (null, $"'{coding.Code}' is not one of the allowed answers: {string.Join(", ", field.Codes)}.");
    }

    private static string Expected(FieldKind kind) => kind switch
    {
        FieldKind.Boolean => "a yes/no answer (valueBoolean)",
        FieldKind.Integer => "a whole number (valueInteger)",
        FieldKind.Decimal => "a number (valueDecimal)",
        FieldKind.Date => "a date (valueDate)",
        _ => "a coded answer (valueCoding)",
    };

    private static string Describe(DataType? value) => value is null ? "no value" : "value" + char.ToUpperInvariant(value.TypeName[0]) + value.TypeName[1..];

    private static IEnumerable<QuestionnaireResponse.AnswerComponent> ToAnswers(InputField field, JsonNode node)
    {
        IEnumerable<JsonNode> values = field.Kind == FieldKind.ChoiceList ? node.AsArray().OfType<JsonNode>() : [node];
        return values.Select(value => new QuestionnaireResponse.AnswerComponent { Value = ToAnswerValue(field, value) });
    }

    private static DataType ToAnswerValue(InputField field, JsonNode value) => field.Kind switch
    {
        FieldKind.Boolean => new FhirBoolean(value.GetValue<bool>()),
        FieldKind.Integer => new Integer(value.GetValue<int>()),
        FieldKind.Decimal => new FhirDecimal(value.GetValue<decimal>()),
        FieldKind.Date => new Date(value.GetValue<string>()),
        _ => new Coding(KneeSpineCodeSystems.ForInputField(field.Path), value.GetValue<string>(), CodeDisplay.For(value.GetValue<string>())),
    };

    private static void Place(JsonObject document, string path, JsonNode value)
    {
        var names = path.Split('.');
        var target = document;
        foreach (var name in names[..^1])
        {
            if (target[name] is not JsonObject section)
            {
                section = [];
                target[name] = section;
            }

            target = section;
        }

        target[names[^1]] = value;
    }

    private static string LinkIdOf(string jsonPath)
    {
        var path = ArrayIndex().Replace(jsonPath, "");
        return path is "" or "$" ? ResourceExpression : path;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ArrayIndex();
}
