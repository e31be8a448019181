using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeSpine.Web.Evaluate;

/// <summary>Reads a small request body whole, refusing anything larger than an assessment can be.</summary>
internal static class RequestBody
{
    public const int MaxAssessmentBytes = 64 * 1024;

    /// <summary>The body, or <see langword="null"/> when it exceeds <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.Start);
                return null;
            }

            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>
    /// Bodies are read raw (the engine parses them), so the content type is checked here: only JSON is accepted,
    /// which also keeps a cross-site HTML form from posting to the API with a browser's cookie.
    /// </summary>
    public static bool IsJson(HttpRequest request) => request.HasJsonContentType();

    public static ProblemHttpResult NotJson() => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "The request body must be JSON.",
        detail: "Send the assessment with Content-Type: application/json.");

    public static ProblemHttpResult TooLarge(int limit = MaxAssessmentBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"An assessment is at most {limit / 1024} KiB of JSON.");
}
