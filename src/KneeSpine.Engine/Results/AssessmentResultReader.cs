using System.Text.Json;

namespace KneeSpine.Engine.Results;

/// <summary>
/// Reads result JSON strictly: the properties <see cref="AssessmentResultJson.Write"/> produces, in
/// any order and formatting, and nothing else; a problem is reported with its JSON path.
/// </summary>
internal static class AssessmentResultReader
{
    public static AssessmentResult Read(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        var root = document.RootElement;
        var reader = new ObjectReader(root, "$", "schemaVersion", "knowledgeBaseVersion", "daysSinceSurgery", "painSeverity", "bodyMassIndex", "scores", "triage", "alerts", "factors", "plan", "notes");
        var versionElement = reader.Required("schemaVersion", JsonValueKind.Number);
        if (!versionElement.TryGetInt32(out var schemaVersion)
            || schemaVersion is < AssessmentResult.OldestReadableSchemaVersion or > AssessmentResult.CurrentSchemaVersion)
        {
            throw Problem("$.schemaVersion", $"must be {AssessmentResult.CurrentSchemaVersion} (or {AssessmentResult.OldestReadableSchemaVersion} for a stored result of version 1)");
        }

        var days = reader.Required("daysSinceSurgery", JsonValueKind.Number);
        if (!days.TryGetInt32(out var daysSinceSurgery) || daysSinceSurgery < 0)
        {
            throw Problem("$.daysSinceSurgery", "must be a whole number of days, 0 or more");
        }

        double? bodyMassIndex = reader.Optional("bodyMassIndex") is { ValueKind: not JsonValueKind.Null } bmi
            ? bmi.ValueKind == JsonValueKind.Number ? bmi.GetDouble() : throw Problem("$.bodyMassIndex", "must be a number or null")
            : null;

        // A version 1 result never had scores; a version 2 result always has them.
        AssessmentScores? scores = null;
        if (schemaVersion >= AssessmentResult.CurrentSchemaVersion)
        {
            var scoreReader = new ObjectReader(reader.Required("scores", JsonValueKind.Object), "$.scores", "phq2", "gad2", "backFunction");
            scores = new AssessmentScores(Score(scoreReader, "phq2", 6), Score(scoreReader, "gad2", 6), Score(scoreReader, "backFunction", 12));
        }
        else if (reader.Optional("scores") is not null)
        {
            throw Problem("$.scores", "a version 1 result has no scores");
        }

        var triage = new ObjectReader(reader.Required("triage", JsonValueKind.Object), "$.triage", "level", "headline");
        return new AssessmentResult(
            reader.String("knowledgeBaseVersion"),
            daysSinceSurgery,
            reader.Parse<PainSeverity>("painSeverity"),
            bodyMassIndex,
            new Triage(triage.Parse<TriageLevel>("level"), triage.String("headline")),
            Array(reader, "alerts", Alert),
            Array(reader, "factors", Factor),
            Array(reader, "plan", PlanItem),
            reader.Optional("notes") is { } notes ? Strings(notes, "$.notes") : [])
        {
            SchemaVersion = schemaVersion,
            Scores = scores,
        };
    }

    private static int? Score(ObjectReader scores, string name, int maximum)
    {
        var element = scores.Required(name, JsonValueKind.Undefined);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= 0 && value <= maximum
            ? value
            : throw Problem($"$.scores.{name}", $"must be a whole number from 0 to {maximum}, or null");
    }

    private static AlertFinding Alert(JsonElement element, string path)
    {
        var alert = new ObjectReader(element, path, "id", "level", "explanation", "triggeredBy", "sources");
        var level = alert.Parse<TriageLevel>("level");
        return level == TriageLevel.SelfCare
            ? throw Problem(path + ".level", "an alert is emergency, urgent or soon")
            : new AlertFinding(alert.String("id"), level, alert.String("explanation"), alert.Strings("triggeredBy"), alert.Strings("sources"));
    }

    private static FactorFinding Factor(JsonElement element, string path)
    {
        var factor = new ObjectReader(element, path, "id", "certainty", "explanation", "triggeredBy", "sources");
        return new FactorFinding(factor.String("id"), factor.Parse<Certainty>("certainty"), factor.String("explanation"), factor.Strings("triggeredBy"), factor.Strings("sources"));
    }

    private static PlanItem PlanItem(JsonElement element, string path)
    {
        var item = new ObjectReader(element, path, "id", "because", "patientText", "clinicianText", "sources");
        var clinicianText = item.Optional("clinicianText") is { } text
            ? text.ValueKind == JsonValueKind.String ? text.GetString() : throw Problem(path + ".clinicianText", "must be a string")
            : null;
        return new PlanItem(item.String("id"), item.Strings("because"), item.String("patientText"), clinicianText, item.Strings("sources"));
    }

    private static T[] Array<T>(ObjectReader reader, string name, Func<JsonElement, string, T> read)
    {
        var array = reader.Required(name, JsonValueKind.Array);
        var items = new T[array.GetArrayLength()];
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"{reader.Path}.{name}[{index}]";
            items[index++] = element.ValueKind == JsonValueKind.Object ? read(element, path) : throw Problem(path, "must be an object");
        }

        return items;
    }

    private static string[] Strings(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Problem(path, "must be an array of strings");
        }

        var items = new string[array.GetArrayLength()];
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            items[index] = element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Problem($"{path}[{index}]", "must be a string");
            index++;
        }

        return items;
    }

    private static JsonException Problem(string path, string message) => new($"{path}: {message}.", path, null, null);

    /// <summary>One JSON object whose properties must be among <c>allowed</c>, each at most once.</summary>
    private readonly struct ObjectReader
    {
        private readonly Dictionary<string, JsonElement> properties = new(StringComparer.Ordinal);

        public ObjectReader(JsonElement element, string path, params string[] allowed)
        {
            Path = path;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Problem(path, "must be an object");
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Problem($"{path}.{property.Name}", "is not a property of a version 1 result");
                }

                if (!properties.TryAdd(property.Name, property.Value))
                {
                    throw Problem($"{path}.{property.Name}", "appears twice");
                }
            }
        }

        public string Path { get; }

        public JsonElement? Optional(string name) => properties.TryGetValue(name, out var value) ? value : null;

        /// <summary>The property <paramref name="name"/>, of <paramref name="kind"/> (<see cref="JsonValueKind.Undefined"/>: any kind).</summary>
        public JsonElement Required(string name, JsonValueKind kind)
        {
            if (!properties.TryGetValue(name, out var value))
            {
                throw Problem($"{Path}.{name}", "is required");
            }

            return kind == JsonValueKind.Undefined || value.ValueKind == kind ? value : throw Problem($"{Path}.{name}", $"must be {kind.ToString().ToLowerInvariant()}");
        }

        public string String(string name) => Required(name, JsonValueKind.String).GetString()!;

        public string[] Strings(string name) => AssessmentResultReader.Strings(Required(name, JsonValueKind.Array), $"{Path}.{name}");

        public TCode Parse<TCode>(string name) where TCode : struct, Enum
        {
            var text = String(name);
            return Codes.Code<TCode>.TryParse(text, out var value)
                ? value
                : throw Problem($"{Path}.{name}", $"'{text}' is not one of {string.Join(", ", Codes.Code<TCode>.All)}");
        }
    }
}
