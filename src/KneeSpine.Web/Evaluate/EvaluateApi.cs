using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Results;
using KneeSpine.Web.OpenApi;
using KneeSpine.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Evaluate;

public static class EvaluateApi
{
    public const string RateLimitPolicy = "evaluate";

    public static IHostApplicationBuilder AddKneeSpineEvaluate(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EvaluateOptions>()
            .Bind(builder.Configuration.GetSection(EvaluateOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(_ => new AssessmentEvaluation(AssessmentEvaluator.Default));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<EvaluateOptions>>().Value;
                // Signed-in callers are limited per account, anonymous ones per address.
                var key = context.User.Identity?.IsAuthenticated == true
                    ? "user:" + context.User.Identity.Name
                    : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    public static RouteGroupBuilder MapEvaluate(this RouteGroupBuilder api)
    {
        api.MapPost("/evaluate", EvaluateAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Evaluate")
            .WithName("Evaluate")
            .WithSummary("Evaluate one assessment without storing it")
            .WithDescription("Body: assessment-input.schema.json (version 1). Answer: assessment-result.schema.json. Nothing is stored or logged. Invalid input gives 400 with `errors` keyed by JSON path, e.g. `redFlags.feverOrChills`.")
            .AcceptsAssessmentInput()
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    internal static async Task<IResult> EvaluateAsync(HttpRequest request, AssessmentEvaluation evaluation, CancellationToken cancellationToken)
    {
        if (!RequestBody.IsJson(request))
        {
            return RequestBody.NotJson();
        }

        var body = await RequestBody.ReadAsync(request, RequestBody.MaxAssessmentBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return RequestBody.TooLarge(RequestBody.MaxAssessmentBytes);
        }

        var outcome = evaluation.Evaluate(body);
        return outcome.IsValid
            ? new JsonDocumentResult(AssessmentResultJson.ToJson(outcome.Result!))
            : InvalidInput(outcome);
    }

    internal static ValidationProblem InvalidInput(EvaluationOutcome outcome) =>
        ApiProblems.Invalid(outcome.Errors.Select(e => new KeyValuePair<string, string>(JsonPaths.FromEngine(e.Path), e.Message)), "The assessment is not valid.");

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        string? detail = null;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Try again in {seconds} seconds.";
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = detail },
        }).ConfigureAwait(false);
    }
}
