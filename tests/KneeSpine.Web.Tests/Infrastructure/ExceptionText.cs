namespace KneeSpine.Web.Tests.Infrastructure;

public static class ExceptionText
{
    /// <summary>The messages of an exception and all its inner ones, for checking what a failed start says.</summary>
    public static string Flatten(this Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
