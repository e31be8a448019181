using System.Globalization;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;
using Microsoft.OpenApi;

namespace KneeSpine.Web.OpenApi;

/// <summary>
/// The OpenAPI schema of assessment-input.schema.json, built from the engine's field catalogue
/// (<see cref="InputFields"/>) so the API document cannot drift from what the reader accepts.
/// </summary>
internal static class AssessmentInputSchema
{
    public const string Name = "AssessmentInput";

    public static OpenApiSchema Create()
    {
        var root = Object("One follow-up assessment of one patient (assessment-input.schema.json, version 2). Unknown properties are rejected; every red-flag question must be answered.");
        root.Properties!["schemaVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Enum = [JsonValue.Create(AssessmentInput.SchemaVersion)], Description = $"Always {AssessmentInput.SchemaVersion}. Version 1 inputs are refused: version 2 asks more red-flag questions." };
        root.Required!.Add("schemaVersion");

        foreach (var field in InputFields.All)
        {
            var parent = root;
            var names = field.Path.Split('.');
            foreach (var section in names[..^1])
            {
                if (!parent.Properties!.TryGetValue(section, out var existing))
                {
                    existing = Object(null);
                    parent.Properties[section] = existing;
                }

                // A section that holds a required field is itself required (the schema's rule).
                if (field.Required)
                {
                    parent.Required!.Add(section);
                }

                parent = (OpenApiSchema)existing;
            }

            parent.Properties![names[^1]] = Field(field);
            if (field.Required)
            {
                parent.Required!.Add(names[^1]);
            }
        }

        // A section none of whose fields is required may be left out whole (the psychosocial and back-function sections).
        foreach (var section in root.Properties!.Values.OfType<OpenApiSchema>().Where(s => s.Type == JsonSchemaType.Object && s.Required!.Count == 0))
        {
            section.Description = "Optional section: leave it out when it was not asked. Leaving it out is never an error, and its scores are then not computed.";
        }

        return root;
    }

    private static OpenApiSchema Object(string? description) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
        Required = new SortedSet<string>(StringComparer.Ordinal),
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema Field(InputField field)
    {
        var schema = field.Kind switch
        {
            FieldKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            FieldKind.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer },
            FieldKind.Decimal => new OpenApiSchema { Type = JsonSchemaType.Number },
            FieldKind.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            FieldKind.Choice => new OpenApiSchema { Type = JsonSchemaType.String, Enum = Codes(field) },
            FieldKind.ChoiceList => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                UniqueItems = true,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Codes(field) },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown field kind."),
        };
        schema.Title = field.Label;
        schema.Description = Described(field);
        schema.Minimum = field.Minimum?.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = field.Maximum?.ToString(CultureInfo.InvariantCulture);
        return schema;
    }

    // A questionnaire item is read with its stem and its scale (PHQ-2, GAD-2, back function: 0-3 with words).
    private static string Described(InputField field)
    {
        if (field.Kind != FieldKind.Integer || field.AnswerLabels.Count == 0)
        {
            return field.Question;
        }

        var scale = string.Join(", ", field.AnswerLabels.Select((label, value) => $"{value} = {label}"));
        return $"{field.Stem} {field.Question}. Answers: {scale}.".TrimStart();
    }

    private static List<JsonNode> Codes(InputField field) => [.. field.Codes.Select(code => (JsonNode)JsonValue.Create(code))];
}
