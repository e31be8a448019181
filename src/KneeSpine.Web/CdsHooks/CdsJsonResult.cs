namespace KneeSpine.Web.CdsHooks;

/// <summary>CDS Hooks JSON already written by the Firely SDK serializer.</summary>
internal sealed class CdsJsonResult(string json, int statusCode = StatusCodes.Status200OK) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        return httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
    }
}
