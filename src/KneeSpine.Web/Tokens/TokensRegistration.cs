namespace KneeSpine.Web.Tokens;

public static class TokensRegistration
{
    public static IHostApplicationBuilder AddKneeSpineTokens(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PersonalAccessTokens>();
        builder.Services.AddSingleton<TokenAccountCache>();
        return builder;
    }
}
