namespace KneeSpine.Web.Clinic;

/// <summary>Registers what the clinic pages need beyond the web core.</summary>
public static class ClinicRegistration
{
    /// <summary>Adds the page-side readers of patients and assessments.</summary>
    public static IHostApplicationBuilder AddKneeSpineClinic(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ClinicRecords>();
        builder.Services.AddScoped<AssessmentSubmission>();
        return builder;
    }
}
