using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using KneeSpine.Web.Evaluate;
using FhirJson = KneeSpine.Fhir.Serialization.FhirJson;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace KneeSpine.Web.Fhir;

/// <summary>Reads a posted resource with the Firely SDK parser; anything else is a 4xx OperationOutcome naming the element.</summary>
internal static class FhirBody
{
    public static async Task<(TResource? Resource, FhirResult? Error)> ReadAsync<TResource>(HttpRequest request, CancellationToken cancellationToken)
        where TResource : Resource
    {
        if (!FhirFormat.IsJsonBody(request))
        {
            return (null, FhirOutcomes.Result(StatusCodes.Status415UnsupportedMediaType, IssueType.NotSupported,
                "Send the resource as application/fhir+json or application/json."));
        }

        var body = await RequestBody.ReadAsync(request, RequestBody.MaxAssessmentBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, FhirOutcomes.Result(StatusCodes.Status413PayloadTooLarge, IssueType.TooCostly,
                $"A resource here is at most {RequestBody.MaxAssessmentBytes / 1024} KiB of JSON."));
        }

        return Parse<TResource>(body);
    }

    /// <summary>As <see cref="ReadAsync{TResource}"/>, but an empty body is no resource and no error (an operation called by POST without parameters).</summary>
    public static async Task<(TResource? Resource, FhirResult? Error)> ReadOptionalAsync<TResource>(HttpRequest request, CancellationToken cancellationToken)
        where TResource : Resource
    {
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxAssessmentBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, FhirOutcomes.Result(StatusCodes.Status413PayloadTooLarge, IssueType.TooCostly,
                $"A resource here is at most {RequestBody.MaxAssessmentBytes / 1024} KiB of JSON."));
        }

        if (IsEmpty(body))
        {
            return (null, null);
        }

        return FhirFormat.IsJsonBody(request)
            ? Parse<TResource>(body)
            : (null, FhirOutcomes.Result(StatusCodes.Status415UnsupportedMediaType, IssueType.NotSupported, "Send the parameters as application/fhir+json or application/json."));
    }

    public static (TResource? Resource, FhirResult? Error) Parse<TResource>(ReadOnlySpan<byte> utf8Json)
        where TResource : Resource
    {
        if (!StartsWithObject(utf8Json))
        {
            var type = ModelInfo.GetFhirTypeNameForType(typeof(TResource));
            return (null, FhirOutcomes.BadRequest($"The body must be a JSON object: a {type} resource.", type));
        }

        try
        {
            return (FhirJson.Parse<TResource>(Encoding.UTF8.GetString(utf8Json)), null);
        }
        catch (DeserializationFailedException failed)
        {
            var outcome = new OperationOutcome();
            foreach (var problem in failed.Exceptions.Take(20))
            {
                var path = problem is ExtendedCodedException extended ? extended.InstancePath : null;
                outcome.Issue.Add(new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = IssueType.Structure,
                    Details = new CodeableConcept { Text = problem is ExtendedCodedException e ? e.BaseErrorMessage : problem.Message },
                    Expression = string.IsNullOrEmpty(path) ? [] : [path],
                });
            }

            return (null, new FhirResult(outcome, StatusCodes.Status400BadRequest));
        }
        catch (JsonException invalid)
        {
            var expected = ModelInfo.GetFhirTypeNameForType(typeof(TResource));
            var message = invalid.Message.StartsWith("Expected a ", StringComparison.Ordinal) || invalid.Message.StartsWith("The document is JSON null", StringComparison.Ordinal)
                || invalid.Message.StartsWith("The JSON is not valid FHIR", StringComparison.Ordinal)
                ? invalid.Message
                : $"The body is not valid JSON for a {expected} resource.";
            return (null, FhirOutcomes.BadRequest(message, expected));
        }
    }

    /// <summary>No body, <c>{}</c> or a Parameters resource with nothing in it: what clients post for an operation called without parameters.</summary>
    private static bool IsEmpty(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return true;
        }

        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read())
            {
                return false;
            }

            // {"resourceType": "Parameters"} alone: no parameters, though strict parsing calls the empty resource invalid.
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("resourceType"u8))
            {
                if (!reader.Read() || !reader.ValueTextEquals("Parameters"u8) || !reader.Read())
                {
                    return false;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The SDK's parser fails with an internal error on a top-level array or value, so those are refused here.</summary>
    private static bool StartsWithObject(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            return !reader.Read() || reader.TokenType == JsonTokenType.StartObject;
        }
        catch (JsonException)
        {
            // Not JSON at all: the parser below names the problem.
            return true;
        }
    }
}
