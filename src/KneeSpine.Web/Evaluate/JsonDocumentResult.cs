using System.Text;

namespace KneeSpine.Web.Evaluate;

/// <summary>Writes JSON already serialised by the engine's writer, unchanged, with 200.</summary>
internal sealed class JsonDocumentResult(string json) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        await httpContext.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), httpContext.RequestAborted).ConfigureAwait(false);
    }
}
