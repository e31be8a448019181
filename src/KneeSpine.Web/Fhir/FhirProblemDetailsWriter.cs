namespace KneeSpine.Web.Fhir;

/// <summary>
/// Writes every problem-details answer under <c>/fhir</c> as an OperationOutcome instead. Layers that run before any
/// FHIR code (the rate limiter's 429, the request size ceiling's 413, the exception handler's 503) answer through
/// <see cref="IProblemDetailsService"/>, so this one writer makes all of them FHIR, with their headers (Retry-After) kept.
/// </summary>
internal sealed class FhirProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => FhirOutcomeMiddleware.IsFhir(context.HttpContext.Request);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var outcome = FhirOutcomes.ForStatus(status, context.HttpContext.Request.Path);
        if (context.ProblemDetails.Detail is { Length: > 0 } detail)
        {
            outcome.Issue[0].Diagnostics = detail;
        }

        return new ValueTask(FhirOutcomeMiddleware.WriteAsync(context.HttpContext, status, outcome));
    }
}
