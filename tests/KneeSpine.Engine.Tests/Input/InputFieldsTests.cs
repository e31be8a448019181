using System.Text.Json;
using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Input;

public sealed class InputFieldsTests
{
    /// <summary>A field as the JSON schema file declares it.</summary>
    private sealed record SchemaField(string Path, FieldKind Kind, bool Required, decimal? Minimum, decimal? Maximum, string[] Codes);

    private static List<SchemaField> FieldsOfSchema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllBytes(RepositorySpec.InputSchemaPath));
        var root = schema.RootElement;
        var fields = new List<SchemaField>();
        var rootRequired = RequiredOf(root);
        foreach (var property in root.GetProperty("properties").EnumerateObject())
        {
            if (property.Name == "schemaVersion")
            {
                continue;
            }

            var value = property.Value;
            if (value.TryGetProperty("type", out var type) && type.GetString() == "object")
            {
                var required = RequiredOf(value);
                foreach (var inner in value.GetProperty("properties").EnumerateObject())
                {
                    fields.Add(Describe($"{property.Name}.{inner.Name}", inner.Value, required.Contains(inner.Name)));
                }
            }
            else
            {
                fields.Add(Describe(property.Name, value, rootRequired.Contains(property.Name)));
            }
        }

        return fields;
    }

    private static HashSet<string> RequiredOf(JsonElement node) =>
        node.TryGetProperty("required", out var required)
            ? [.. required.EnumerateArray().Select(r => r.GetString()!)]
            : [];

    private static SchemaField Describe(string path, JsonElement node, bool required)
    {
        decimal? Bound(string name) => node.TryGetProperty(name, out var b) ? b.GetDecimal() : null;

        if (node.TryGetProperty("enum", out var codes))
        {
            return new(path, FieldKind.Choice, required, null, null, [.. codes.EnumerateArray().Select(c => c.GetString()!)]);
        }

        var type = node.GetProperty("type").GetString();
        if (type == "array")
        {
            Assert.True(node.GetProperty("uniqueItems").GetBoolean(), $"{path} is expected to forbid duplicates");
            var items = node.GetProperty("items").GetProperty("enum");
            return new(path, FieldKind.ChoiceList, required, null, null, [.. items.EnumerateArray().Select(c => c.GetString()!)]);
        }

        var kind = type switch
        {
            "boolean" => FieldKind.Boolean,
            "integer" => FieldKind.Integer,
            "number" => FieldKind.Decimal,
            "string" when node.GetProperty("format").GetString() == "date" => FieldKind.Date,
            _ => throw new InvalidOperationException($"Unexpected schema type {type} at {path}"),
        };
        return new(path, kind, required, Bound("minimum"), Bound("maximum"), []);
    }

    [Fact]
    public void Catalogue_has_exactly_the_fields_of_the_schema_with_red_flags_first_then_schema_order()
    {
        var schema = FieldsOfSchema();
        var expectedOrder = schema.Where(f => f.Path.StartsWith("redFlags.", StringComparison.Ordinal))
            .Concat(schema.Where(f => !f.Path.StartsWith("redFlags.", StringComparison.Ordinal)))
            .Select(f => f.Path);

        Assert.Equal(expectedOrder, InputFields.All.Select(f => f.Path));
    }

    [Fact]
    public void Every_field_has_the_kind_required_flag_range_and_codes_the_schema_declares()
    {
        foreach (var expected in FieldsOfSchema())
        {
            var field = InputFields.Get(expected.Path);
            Assert.Equal((expected.Path, expected.Kind), (field.Path, field.Kind));
            Assert.Equal((expected.Path, expected.Required), (field.Path, field.Required));
            Assert.Equal((expected.Path, expected.Minimum, expected.Maximum), (field.Path, field.Minimum, field.Maximum));
            Assert.Equal(expected.Codes, field.Codes);
        }
    }

    [Fact]
    public void Every_red_flag_question_is_required()
    {
        var redFlags = InputFields.All.Where(f => f.Section == "redFlags").ToList();

        Assert.Equal(14, redFlags.Count);
        Assert.All(redFlags, f => Assert.True(f.Required && f.Kind == FieldKind.Boolean, f.Path));
    }

    [Fact]
    public void Sections_are_the_top_level_properties_with_assessedOn_under_assessment()
    {
        Assert.Equal(
            ["redFlags", "assessment", "patient", "surgery", "backPain", "knee", "activity", "sleep", "conditions", "medications", "expectations", "psychosocial", "backFunction"],
            InputFields.Sections);
        Assert.Equal("assessment", InputFields.Get("assessedOn").Section);
        Assert.All(InputFields.All.Where(f => f.Path.Contains('.', StringComparison.Ordinal)),
            f => Assert.StartsWith(f.Section + ".", f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_field_has_a_question_and_a_short_distinct_clinician_label()
    {
        Assert.All(InputFields.All, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Question), f.Path);
            Assert.InRange(f.Label.Length, 3, 64);
        });
        Assert.Equal(InputFields.All.Count, InputFields.All.Select(f => f.Question).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(InputFields.All.Count, InputFields.All.Select(f => f.Label).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_choice_and_yes_no_field_has_one_answer_label_per_answer_and_every_number_field_a_hint()
    {
        Assert.All(InputFields.All, f =>
        {
            switch (f.Kind)
            {
                case FieldKind.Choice or FieldKind.ChoiceList:
                    Assert.Equal((f.Path, f.Codes.Count), (f.Path, f.AnswerLabels.Count));
                    break;
                case FieldKind.Boolean:
                    Assert.Equal((f.Path, 2), (f.Path, f.AnswerLabels.Count));
                    break;
                case FieldKind.Integer when f.Stem is not null:
                    Assert.Equal((f.Path, (int)(f.Maximum!.Value - f.Minimum!.Value) + 1), (f.Path, f.AnswerLabels.Count));
                    break;
                default:
                    Assert.False(string.IsNullOrWhiteSpace(f.AnswerHint), f.Path);
                    break;
            }
        });
    }

    [Fact]
    public void Questionnaire_items_share_their_stem_and_only_phq2_and_gad2_have_fixed_wording()
    {
        var psychosocial = InputFields.All.Where(f => f.Section == "psychosocial" && f.Kind == FieldKind.Integer).ToList();
        var backFunction = InputFields.All.Where(f => f.Section == "backFunction").ToList();

        Assert.Equal(4, psychosocial.Count);
        Assert.Single(psychosocial.Select(f => f.Stem).Distinct());
        Assert.All(psychosocial, f => Assert.True(f.FixedWording, f.Path));
        Assert.Equal(["Not at all", "Several days", "More than half the days", "Nearly every day"], psychosocial[0].AnswerLabels);
        Assert.Equal(4, backFunction.Count);
        Assert.Single(backFunction.Select(f => f.Stem).Distinct());
        Assert.Equal(["No trouble", "A little trouble", "A lot of trouble", "I could not do it"], backFunction[0].AnswerLabels);
        Assert.Equal(["psychosocial.littleInterestOrPleasure", "psychosocial.feelingDownDepressedOrHopeless", "psychosocial.feelingNervousAnxiousOrOnEdge", "psychosocial.unableToStopOrControlWorrying"],
            InputFields.All.Where(f => f.FixedWording).Select(f => f.Path));
    }

    [Fact]
    public void Every_red_flag_question_names_its_period_and_only_red_flags_have_one()
    {
        Assert.All(InputFields.All, f => Assert.Equal((f.Path, f.Section == "redFlags"), (f.Path, f.Period is not null)));
        Assert.DoesNotContain(InputFields.All, f => f.Section == "redFlags" && (f.Question.Contains("recently", StringComparison.OrdinalIgnoreCase) || f.Question.Contains("have you ever", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Get_rejects_a_path_that_is_not_a_field()
    {
        Assert.Throws<KeyNotFoundException>(() => InputFields.Get("schemaVersion"));
        Assert.False(InputFields.TryGet("redFlags", out _));
        Assert.True(InputFields.TryGet("conditions", out var conditions));
        Assert.Equal(FieldKind.ChoiceList, conditions.Kind);
    }
}
