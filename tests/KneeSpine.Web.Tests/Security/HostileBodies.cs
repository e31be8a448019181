using System.Text;
using System.Text.Json.Nodes;

namespace KneeSpine.Web.Tests.Security;

/// <summary>
/// Generates hostile request bodies from a valid one: hostile values at random places, truncation, deep nesting,
/// garbage and corrupted bytes, oversized payloads. The same seed gives the same body.
/// </summary>
public static class HostileBodies
{
    private const string Marker = "\"__hostile__\"";

    private static readonly string Large = new('x', 70_000);
    private static readonly string Huge = new('y', 1_100_000);

    /// <summary>Raw JSON fragments: numbers out of any range, fractions, wrong types, bad dates, control, bidi and markup text.</summary>
    private static readonly string[] Values =
    [
        "1e400", "-1e400", "1e308", "99999999999999999999999999999999", "-0", "0.5", "3.999999999999999999", "1E2", "-1", "11",
        "2147483648", "-2147483649", "9223372036854775808", "\"NaN\"", "\"Infinity\"", "true", "false", "null", "[]", "{}", "\"\"",
        "\"2026-02-30\"", "\"2026-13-01\"", "\"0000-01-01\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"26-1-1\"", "\"2026-11-25T10:00:00Z\"",
        "\"\\u0000\"", "\"a\\u0007b\\u001bc\"", "\"\\u202Eevil\\u202C\"", "\"\\u2066x\\u2069\\u200F\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
        "\"<script>alert(1)</script>\"", "\"<img src=x onerror=alert(1)>\"", "\"' OR 1=1 --\"", "\"javascript:alert(1)\"",
        "\"FEMALE\"", "\"female \"", "\"Patient/../../etc\"", "\"Patient/00000000-0000-0000-0000-000000000000\"",
        "[1,2,3]", "{\"a\":1}", "[null]", "\"\\\"\"", "1.0", "4.5", "-2147483648", "1e-400",
    ];

    public static byte[] Generate(string valid, Random random)
    {
        var text = valid;
        var mutations = 1 + random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            text = Mutate(text, random);
        }

        if (random.Next(100) < 2)
        {
            // Oversized: past the 64 KiB an assessment or resource may be (and sometimes past the 1 MiB ceiling).
            text = text.Length > 1 ? text[..^1] + ",\"padding\":\"" + (random.Next(10) == 0 ? Huge : Large) + "\"}" : Large;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return random.Next(100) switch
        {
            < 5 => Garbage(random),
            < 10 => Corrupt(bytes, random),
            < 12 => [0xEF, 0xBB, 0xBF, .. bytes],
            _ => bytes,
        };
    }

    private static string Mutate(string text, Random random)
    {
        try
        {
            return random.Next(100) switch
            {
                < 45 => Replace(text, random, Value(random)),
                < 55 => Remove(text, random),
                < 63 => AddProperty(text, random, Value(random)),
                < 71 => Replace(text, random, Nested(random)),
                < 80 => Truncate(text, random),
                < 85 => Replace(text, random, Value(random) + "," + Value(random)),
                _ => text,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // An earlier mutation left a lone surrogate or a duplicate key that JsonNode will not handle: keep the text as is.
            return text;
        }
    }

    private static string Value(Random random) => Values[random.Next(Values.Length)];

    private static string Nested(Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(1, 70) : random.Next(70, 5_000);
        var array = random.Next(2) == 0;
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append(array ? "[" : "{\"a\":");
        }

        builder.Append('1');
        for (var i = 0; i < depth; i++)
        {
            builder.Append(array ? ']' : '}');
        }

        return builder.ToString();
    }

    /// <summary>Puts <paramref name="raw"/> in place of a random node (object, array or value), or of the whole document.</summary>
    private static string Replace(string text, Random random, string raw)
    {
        var (root, nodes) = Parse(text);
        if (root is null || nodes.Count == 0)
        {
            return raw;
        }

        var target = nodes[random.Next(nodes.Count)];
        if (target.Parent is JsonObject parent)
        {
            parent[target.GetPropertyName()] = "__hostile__";
        }
        else if (target.Parent is JsonArray array)
        {
            array[target.GetElementIndex()] = "__hostile__";
        }
        else
        {
            return raw;
        }

        return ReplaceMarker(root.ToJsonString(), raw);
    }

    private static string Remove(string text, Random random)
    {
        var (root, nodes) = Parse(text);
        var properties = nodes.Where(n => n.Parent is JsonObject).ToList();
        if (root is null || properties.Count == 0)
        {
            return text;
        }

        var target = properties[random.Next(properties.Count)];
        ((JsonObject)target.Parent!).Remove(target.GetPropertyName());
        return root.ToJsonString();
    }

    private static string AddProperty(string text, Random random, string raw)
    {
        var (root, nodes) = Parse(text);
        var objects = nodes.OfType<JsonObject>().Prepend(root as JsonObject).OfType<JsonObject>().ToList();
        if (root is null || objects.Count == 0)
        {
            return text;
        }

        var names = new[] { "extra", "__proto__", "constructor", "$type", "schemaVersion", "resourceType", "id", "name", "<b>x</b>" };
        var target = objects[random.Next(objects.Count)];
        var name = names[random.Next(names.Length)];
        // Under a placeholder name so that an existing key is written twice (a duplicate), which a JsonObject cannot hold.
        target["__added__"] = "__hostile__";
        var json = root.ToJsonString();
        var placeholder = "\"__added__\":" + Marker;
        var at = json.IndexOf(placeholder, StringComparison.Ordinal);
        return json[..at] + System.Text.Json.JsonSerializer.Serialize(name) + ":" + raw + json[(at + placeholder.Length)..];
    }

    private static string Truncate(string text, Random random) => text.Length < 2 ? text : text[..random.Next(text.Length)];

    private static byte[] Garbage(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Corrupt(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        var changes = 1 + random.Next(4);
        for (var i = 0; i < changes; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static string ReplaceMarker(string json, string raw)
    {
        var at = json.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? json : json[..at] + raw + json[(at + Marker.Length)..];
    }

    private static (JsonNode? Root, List<JsonNode> Nodes) Parse(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, []);
        }

        var nodes = new List<JsonNode>();
        void Walk(JsonNode? node)
        {
            if (node is null)
            {
                return;
            }

            nodes.Add(node);
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        Walk(root);
        return (root, nodes);
    }
}
