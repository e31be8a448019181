using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.ClinicIdentity;

public static class ClinicIdentityRegistration
{
    /// <summary>Binds and validates <c>KneeSpine:Clinic</c> and offers <see cref="ClinicProfile"/>.</summary>
    public static IHostApplicationBuilder AddClinicIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClinicOptions>()
            .Bind(builder.Configuration.GetSection(ClinicOptions.Section))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicOptions>, ClinicOptionsValidation>());
        builder.Services.TryAddSingleton<ClinicProfile>();
        return builder;
    }
}
