using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KneeSpine.Web.Problems;

/// <summary>
/// Turns every exception into problem details. Bad request bodies name the problem and its JSON path;
/// anything else is a plain 500 whose details stay in the log.
/// </summary>
internal sealed partial class KneeSpineExceptionHandler(IProblemDetailsService problemDetails, ILogger<KneeSpineExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            problem = exception.InnerException is JsonException json
                ? JsonProblem(json)
                : new ProblemDetails { Status = badRequest.StatusCode, Title = "The request could not be read.", Detail = badRequest.Message };
        }
        else if (DatabaseUnavailable.Is(exception))
        {
            LogDatabaseUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            DatabaseUnavailable.AddRetryAfter(httpContext.Response);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable.",
                Detail = $"The database cannot be reached. Try again in {DatabaseUnavailable.RetryAfterSeconds} seconds.",
            };
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    private static ValidationProblemDetails JsonProblem(JsonException json)
    {
        var path = JsonPaths.FromSerializer(json.Path);
        var message = json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "This value has the wrong type or format."
            : $"The body is not valid JSON (line {(json.LineNumber ?? 0) + 1}, byte {(json.BytePositionInLine ?? 0) + 1}).";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [path] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid.",
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unavailable for {Method} {Path}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
