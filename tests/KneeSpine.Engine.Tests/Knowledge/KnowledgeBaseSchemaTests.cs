using System.Text.Json;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Knowledge;

/// <summary>The knowledge-base file against its own JSON schema, so that the schema stays a true description of the file.</summary>
public sealed class KnowledgeBaseSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Knowledge", "knowledge-base.schema.json"))).RootElement;

    [Fact]
    public void The_knowledge_base_file_conforms_to_its_schema()
    {
        var document = JsonDocument.Parse(KnowledgeBaseTests.EmbeddedJson()).RootElement;

        Assert.Empty(MiniJsonSchema.Validate(Schema, document));
    }

    [Theory]
    [InlineData("level", "\"later\"", "$.alerts[0].level")]
    [InlineData("sources", "[]", "$.alerts[0].sources")]
    [InlineData("colour", "\"red\"", "$.alerts[0].colour")]
    [InlineData("id", "\"Not An Id\"", "$.alerts[0].id")]
    public void The_schema_rejects_a_broken_alert(string property, string value, string path)
    {
        var root = JsonNode.Parse(KnowledgeBaseTests.EmbeddedJson())!;
        root["alerts"]![0]![property] = JsonNode.Parse(value);

        var problems = MiniJsonSchema.Validate(Schema, JsonDocument.Parse(root.ToJsonString()).RootElement);

        Assert.Contains(problems, p => p.StartsWith(path, StringComparison.Ordinal));
    }
}
