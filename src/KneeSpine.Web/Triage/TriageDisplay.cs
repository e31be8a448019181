using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Results;

namespace KneeSpine.Web.Triage;

/// <summary>How each triage level is named and styled, the same on every page and in the handout.</summary>
public static class TriageDisplay
{
    /// <summary>A short label that says the level and its time frame in words.</summary>
    public static string Label(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Emergency: act now",
        TriageLevel.Urgent => "Urgent: today",
        TriageLevel.Soon => "Soon: within two weeks",
        _ => "No warning signs",
    };

    /// <summary>The CSS modifier class for the level, e.g. <c>triage-emergency</c>.</summary>
    public static string CssClass(TriageLevel level) => "triage-" + Code<TriageLevel>.ToCode(level);

    /// <summary>Border and text colour used for the level in print (contrast at least 4.5:1 on white).</summary>
    public static string Colour(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "#b00020",
        TriageLevel.Urgent => "#9a3f00",
        TriageLevel.Soon => "#6b5300",
        _ => "#1b6e20",
    };

    /// <summary>Light background colour for the level's box.</summary>
    public static string Background(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "#fde7ea",
        TriageLevel.Urgent => "#fff0e0",
        TriageLevel.Soon => "#fff8d6",
        _ => "#e7f4e8",
    };
}
