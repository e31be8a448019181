using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// Reads a QuestionnaireResponse line of the shape KneeSpine itself writes (id, questionnaire, status, subject,
/// authored, nested items with boolean, integer, decimal, date or Coding answers) straight into Firely's model with
/// one <see cref="Utf8JsonReader"/> pass, about a quarter of an import's time with Firely's general deserializer
/// (ADR-165). Anything else, however small the difference (another element, an extension, an empty array, a value
/// whose format is not plainly valid, a JSON error), gives <c>null</c>: the caller then parses the line with Firely,
/// so every line the fast path does not take gets Firely's own checks and messages, and every line it does take
/// becomes the same resource Firely would have made.
/// </summary>
internal static partial class ResponseFastReader
{
    private const int StackLimit = 4096;

    /// <summary>The response of <paramref name="line"/>, or <c>null</c> when the line is not plainly of KneeSpine's shape.</summary>
    public static QuestionnaireResponse? TryRead(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // Cheap test first: most lines that are not responses never get encoded.
        if (!line.Contains("\"QuestionnaireResponse\"", StringComparison.Ordinal))
        {
            return null;
        }

        var length = Encoding.UTF8.GetMaxByteCount(line.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(line, buffer);
            return TryRead(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The id of a QuestionnaireResponse line, read without parsing the rest (a re-import skips a response already
    /// stored before any other work, ADR-167); <c>null</c> for any other line, or when the id is not plainly there.
    /// </summary>
    public static string? TryPeekId(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.Contains("\"QuestionnaireResponse\"", StringComparison.Ordinal))
        {
            return null;
        }

        // KneeSpine writes resourceType and id first; a line that puts them after its items costs a full scan here.
        var length = Encoding.UTF8.GetMaxByteCount(line.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var reader = new Utf8JsonReader(rented.AsSpan(0, Encoding.UTF8.GetBytes(line, rented)));
            string? id = null;
            var isResponse = false;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && !(isResponse && id is not null))
            {
                if (reader.ValueTextEquals("resourceType"u8))
                {
                    isResponse = reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("QuestionnaireResponse"u8);
                    if (!isResponse)
                    {
                        return null;
                    }
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    if (id is not null || !reader.Read() || !TryString(ref reader, IdPattern(), out var value))
                    {
                        return null;
                    }

                    id = value;
                }
                else if (!reader.TrySkip())
                {
                    return null;
                }
            }

            return isResponse ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static QuestionnaireResponse? TryRead(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            var response = ReadResponse(ref reader);
            // Nothing may follow the object (the reader throws on anything but whitespace).
            return response is not null && !reader.Read() ? response : null;
        }
        catch (JsonException)
        {
            // Firely reports the JSON error in its own words.
            return null;
        }
    }

    private static QuestionnaireResponse? ReadResponse(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var response = new QuestionnaireResponse();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!seen.Add(name) || !reader.Read())
            {
                return null;
            }

            string? text = null;
            var ok = name switch
            {
                "resourceType" => reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("QuestionnaireResponse"u8),
                "id" => TryString(ref reader, IdPattern(), out text),
                "questionnaire" or "authored" => TryString(ref reader, name == "authored" ? DateTimePattern() : NoSpacePattern(), out text),
                "status" => TryStatus(ref reader, response),
                "subject" => TryReference(ref reader, response),
                "item" => TryItems(ref reader, response.Item),
                _ => false,
            };
            switch (name)
            {
                case "id":
                    response.Id = text;
                    break;
                case "questionnaire":
                    response.Questionnaire = text;
                    break;
                case "authored":
                    response.Authored = text;
                    break;
            }

            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen.Contains("resourceType") && seen.Contains("status") ? response : null;
    }

    private static bool TryStatus(ref Utf8JsonReader reader, QuestionnaireResponse response)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        QuestionnaireResponse.QuestionnaireResponseStatus? status =
            reader.ValueTextEquals("completed"u8) ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed
            : reader.ValueTextEquals("amended"u8) ? QuestionnaireResponse.QuestionnaireResponseStatus.Amended
            : null;
        response.Status = status;
        return status is not null;
    }

    private static bool TryReference(ref Utf8JsonReader reader, QuestionnaireResponse response)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName
            || !reader.ValueTextEquals("reference"u8) || !reader.Read() || !TryString(ref reader, NoSpacePattern(), out var reference)
            || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        response.Subject = new ResourceReference { Reference = reference };
        return true;
    }

    private static bool TryItems(ref Utf8JsonReader reader, List<QuestionnaireResponse.ItemComponent> items)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var item = new QuestionnaireResponse.ItemComponent();
            var (linkId, text, children, answers) = (false, false, false, false);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if ((reader.ValueTextEquals("linkId"u8) && !linkId) || (reader.ValueTextEquals("text"u8) && !text))
                {
                    var isLinkId = reader.ValueTextEquals("linkId"u8);
                    if (!reader.Read() || !TryText(ref reader, out var value))
                    {
                        return false;
                    }

                    if (isLinkId)
                    {
                        (item.LinkId, linkId) = (value, true);
                    }
                    else
                    {
                        (item.Text, text) = (value, true);
                    }
                }
                else if (reader.ValueTextEquals("item"u8) && !children)
                {
                    if (!reader.Read() || !TryItems(ref reader, item.Item))
                    {
                        return false;
                    }

                    children = true;
                }
                else if (reader.ValueTextEquals("answer"u8) && !answers)
                {
                    if (!reader.Read() || !TryAnswers(ref reader, item.Answer))
                    {
                        return false;
                    }

                    answers = true;
                }
                else
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || !linkId)
            {
                return false;
            }

            items.Add(item);
        }

        // Firely rejects an empty array; the fast path leaves that to it.
        return reader.TokenType == JsonTokenType.EndArray && items.Count > 0;
    }

    private static bool TryAnswers(ref Utf8JsonReader reader, List<QuestionnaireResponse.AnswerComponent> answers)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            // Exactly one value[x] per answer.
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            DataType? value = null;
            if (reader.ValueTextEquals("valueBoolean"u8))
            {
                value = reader.Read() && reader.TokenType is JsonTokenType.True or JsonTokenType.False ? new FhirBoolean(reader.GetBoolean()) : null;
            }
            else if (reader.ValueTextEquals("valueInteger"u8))
            {
                value = reader.Read() && reader.TokenType == JsonTokenType.Number && IsPlainInteger(reader.ValueSpan) && reader.TryGetInt32(out var integer) ? new Integer(integer) : null;
            }
            else if (reader.ValueTextEquals("valueDecimal"u8))
            {
                value = reader.Read() && reader.TokenType == JsonTokenType.Number && IsPlainDecimal(reader.ValueSpan) && reader.TryGetDecimal(out var number) ? new FhirDecimal(number) : null;
            }
            else if (reader.ValueTextEquals("valueDate"u8))
            {
                value = reader.Read() && TryString(ref reader, DatePattern(), out var date) ? new Date(date) : null;
            }
            else if (reader.ValueTextEquals("valueCoding"u8))
            {
                value = reader.Read() ? TryCoding(ref reader) : null;
            }

            if (value is null || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
            {
                return false;
            }

            answers.Add(new QuestionnaireResponse.AnswerComponent { Value = value });
        }

        return reader.TokenType == JsonTokenType.EndArray && answers.Count > 0;
    }

    private static Coding? TryCoding(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var coding = new Coding();
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var flag = reader.ValueTextEquals("system"u8) ? 1 : reader.ValueTextEquals("code"u8) ? 2 : reader.ValueTextEquals("display"u8) ? 4 : 0;
            string value = "";
            if (flag == 0 || (seen & flag) != 0 || !reader.Read() || !(flag == 4 ? TryText(ref reader, out value) : TryString(ref reader, NoSpacePattern(), out value)))
            {
                return null;
            }

            seen |= flag;
            switch (flag)
            {
                case 1:
                    coding.System = value;
                    break;
                case 2:
                    coding.Code = value;
                    break;
                default:
                    coding.Display = value;
                    break;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen != 0 ? coding : null;
    }

    /// <summary>A JSON string matching <paramref name="pattern"/> (which never matches an empty or padded value).</summary>
    private static bool TryString(ref Utf8JsonReader reader, Regex pattern, out string value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
        return value.Length > 0 && pattern.IsMatch(value);
    }

    /// <summary>A JSON string of printable text: not empty, not padded with white space, no control characters.</summary>
    private static bool TryText(ref Utf8JsonReader reader, out string value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    // Digits with an optional minus sign: "1.0" and "1e2" are left to Firely.
    private static bool IsPlainInteger(ReadOnlySpan<byte> raw) => raw.Length is > 0 and <= 10 && raw.TrimStart("-"u8).IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    private static bool IsPlainDecimal(ReadOnlySpan<byte> raw) => raw.Length <= 28 && raw.IndexOfAny("eE"u8) < 0;

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[!-~]+$")]
    private static partial Regex NoSpacePattern();

    // FHIR's date and dateTime formats (R4 datatypes), anchored.
    [GeneratedRegex(@"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$")]
    private static partial Regex DateTimePattern();
}
