using System.Text.Json;
using System.Text.RegularExpressions;

namespace KneeSpine.Engine.Tests.Support;

/// <summary>
/// Checks a document against the subset of JSON Schema 2020-12 that knowledge-base.schema.json uses
/// (type, const, enum, required, properties, additionalProperties: false, items, minItems,
/// uniqueItems, minLength, pattern, minimum, maximum, local $ref), which is also all that
/// assessment-result.schema.json uses. Returns every violation with its path.
/// </summary>
internal static class MiniJsonSchema
{
    private static readonly HashSet<string> Understood =
    [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "const", "enum", "required",
        "properties", "additionalProperties", "items", "minItems", "uniqueItems", "minLength", "pattern", "minimum", "maximum",
    ];

    public static List<string> Validate(JsonElement schemaRoot, JsonElement document)
    {
        var problems = new List<string>();
        Check(schemaRoot, schemaRoot, document, "$", problems);
        return problems;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Understood.Contains(keyword.Name))
            {
                throw new NotSupportedException($"Schema keyword '{keyword.Name}' at {path} is not understood by this checker.");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/$defs/".Length..];
            Check(root, root.GetProperty("$defs").GetProperty(name), value, path, problems);
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(value, type))
        {
            problems.Add($"{path}: expected {type}, found {value.ValueKind}.");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            problems.Add($"{path}: must be {constant}.");
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            problems.Add($"{path}: {value} is not one of {options}.");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
            {
                problems.Add($"{path}: below {minimum}.");
            }

            if (schema.TryGetProperty("maximum", out var maximum) && value.GetDecimal() > maximum.GetDecimal())
            {
                problems.Add($"{path}: above {maximum}.");
            }
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
            {
                problems.Add($"{path}: shorter than {minLength}.");
            }

            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                problems.Add($"{path}: '{text}' does not match {pattern}.");
            }
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var items = value.EnumerateArray().ToArray();
            if (schema.TryGetProperty("minItems", out var minItems) && items.Length < minItems.GetInt32())
            {
                problems.Add($"{path}: fewer than {minItems} items.");
            }

            if (schema.TryGetProperty("uniqueItems", out var unique) && unique.GetBoolean()
                && items.Select(i => i.GetRawText()).Distinct().Count() != items.Length)
            {
                problems.Add($"{path}: items are not unique.");
            }

            if (schema.TryGetProperty("items", out var itemSchema))
            {
                for (var i = 0; i < items.Length; i++)
                {
                    Check(root, itemSchema, items[i], $"{path}[{i}]", problems);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                {
                    problems.Add($"{path}.{name}: required.");
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Check(root, propertySchema, property.Value, $"{path}.{property.Name}", problems);
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                {
                    problems.Add($"{path}.{property.Name}: not allowed.");
                }
            }
        }
    }

    private static bool HasType(JsonElement value, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => HasType(value, t))
        : type.GetString() switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            var other => throw new NotSupportedException($"Type '{other}' is not understood by this checker."),
        };
}
