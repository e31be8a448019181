using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeSpine.Web.Problems;

public static class ProblemDetailsRegistration
{
    /// <summary>One error format everywhere: RFC 9457 problem details (a short HTML page for browsers), with a trace id and never a stack trace.</summary>
    public static IHostApplicationBuilder AddKneeSpineProblemDetails(this IHostApplicationBuilder builder)
    {
        // Before the default JSON writer, which would otherwise answer browsers too (they accept */*).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, HtmlProblemWriter>());
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<KneeSpineExceptionHandler>();
        // Bad JSON must reach the exception handler (it names the problem) instead of ending as an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.AllowTrailingCommas = false);
        return builder;
    }

    public static WebApplication UseKneeSpineProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
