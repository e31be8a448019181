using System.Text;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Input;

/// <summary>Property tests: whatever the bytes, the reader never throws and every error names a path.</summary>
public sealed class ReaderMutationTests
{
    private static readonly byte[][] Seeds =
        [Encoding.UTF8.GetBytes(ValidInput.Text), .. RepositorySpec.ExampleNames.Select(RepositorySpec.ExampleInput)];

    private static void AssertWellFormed(InputReadResult result)
    {
        if (result.Input is null)
        {
            Assert.NotEmpty(result.Errors);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Path) || string.IsNullOrEmpty(e.Message)));
        }
        else
        {
            Assert.Empty(result.Errors);
            Assert.Empty(AssessmentInputValidator.Validate(result.Input));
        }
    }

    [Fact]
    public void Dropping_any_required_field_makes_the_input_invalid_with_an_error_at_that_field()
    {
        var random = new Random(1);
        var required = InputFields.All.Where(f => f.Required).Select(f => f.Path).Concat(["schemaVersion", "patient", "surgery", "backPain", "redFlags"]).ToArray();
        for (var i = 0; i < 1000; i++)
        {
            var path = required[random.Next(required.Length)];
            var node = ValidInput.Node();
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            (dot < 0 ? node : node[path[..dot]]!.AsObject()).Remove(path[(dot + 1)..]);

            var result = AssessmentInputReader.Read(ValidInput.Bytes(node));

            Assert.Null(result.Input);
            Assert.Contains(result.Errors, e => e.Path == path);
        }
    }

    [Fact]
    public void Giving_any_field_a_value_of_the_wrong_type_makes_the_input_invalid_with_an_error_at_that_field()
    {
        var random = new Random(2);
        for (var i = 0; i < 2000; i++)
        {
            var field = InputFields.All[random.Next(InputFields.All.Count)];
            JsonNode? wrong = field.Kind switch
            {
                FieldKind.Boolean => Pick(random, "\"true\"", "1", "[]", "null"),
                FieldKind.Integer => Pick(random, "\"5\"", "5.5", "true", "{}", "null"),
                FieldKind.Decimal => Pick(random, "\"5\"", "false", "[1]", "null"),
                FieldKind.Date => Pick(random, "20260316", "\"2026-3-16\"", "\"2026-02-31\"", "true", "null"),
                FieldKind.Choice => Pick(random, "\"not-a-code\"", "0", "[\"" + field.Codes[0] + "\"]", "null"),
                _ => Pick(random, "\"" + field.Codes[0] + "\"", "[\"nope\"]", "[\"" + field.Codes[0] + "\",\"" + field.Codes[0] + "\"]", "{}", "null"),
            };
            var node = ValidInput.Node();
            var dot = field.Path.IndexOf('.', StringComparison.Ordinal);
            (dot < 0 ? node : node[field.Path[..dot]]!.AsObject())[field.Path[(dot + 1)..]] = wrong;

            var result = AssessmentInputReader.Read(ValidInput.Bytes(node));

            Assert.Null(result.Input);
            Assert.Contains(result.Errors, e => e.Path.StartsWith(field.Path, StringComparison.Ordinal));
            AssertWellFormed(result);
        }
    }

    [Fact]
    public void Truncating_a_valid_input_anywhere_makes_it_invalid_at_the_root_without_throwing()
    {
        foreach (var seed in Seeds)
        {
            var end = seed.AsSpan().TrimEnd(" \r\n\t"u8).Length;
            for (var length = 0; length < end; length++)
            {
                var result = AssessmentInputReader.Read(seed.AsSpan(0, length));

                Assert.Null(result.Input);
                Assert.Equal("$", Assert.Single(result.Errors).Path);
            }
        }
    }

    [Fact]
    public void Random_byte_changes_never_throw_and_every_error_names_a_path()
    {
        var random = new Random(3);
        byte[] interesting = [.. "{}[]\",:-.0123456789eE \\ntfu"u8, 0x00, 0x80, 0xC3, 0xFF];
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])Seeds[random.Next(Seeds.Length)].Clone();
            for (var changes = random.Next(1, 6); changes > 0; changes--)
            {
                bytes[random.Next(bytes.Length)] = random.Next(2) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
            }

            AssertWellFormed(AssessmentInputReader.Read(bytes));
        }
    }

    [Fact]
    public void Random_bytes_never_throw_and_are_reported()
    {
        var random = new Random(4);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(2) == 0)
            {
                bytes[0] = (byte)'{';
            }

            var result = AssessmentInputReader.Read(bytes);

            Assert.Null(result.Input);
            AssertWellFormed(result);
        }
    }

    [Fact]
    public void Deeply_nested_unknown_values_are_reported_without_throwing()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var text = ValidInput.Text.Replace("\"schemaVersion\": 2,", "\"schemaVersion\": 2, \"extra\": " + deep + ",", StringComparison.Ordinal);

        var result = AssessmentInputReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Input);
        Assert.Equal("$", Assert.Single(result.Errors).Path);
    }

    private static JsonNode? Pick(Random random, params string[] json) => JsonNode.Parse(json[random.Next(json.Length)]);
}
