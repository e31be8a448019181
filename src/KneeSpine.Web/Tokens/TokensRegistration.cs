namespace KneeSpine.Web.Tokens;

public static class TokensRegistration
{
    public static IHostApplicationBuilder AddKneeSpineTokens(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PersonalAccessTokens>();
        return builder;
    }
}
