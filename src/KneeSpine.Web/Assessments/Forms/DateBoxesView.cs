namespace KneeSpine.Web.Assessments.Forms;

/// <summary>The three boxes of one date question, as the <c>_DateBoxes</c> partial draws them (ADR-101).</summary>
/// <param name="Name">The question's name; the boxes are <c>Name.day</c>, <c>Name.month</c> and <c>Name.year</c>.</param>
/// <param name="Id">The id of the day box (the error summary links to it); the others add "-month" and "-year".</param>
/// <param name="Typed">What each box shows, by part ("day", "month", "year").</param>
/// <param name="HasError">Whether the question has a problem (the boxes are marked invalid).</param>
public sealed record DateBoxesView(string Name, string Id, IReadOnlyDictionary<string, string> Typed, bool HasError)
{
    /// <summary>The id of one box.</summary>
    public string IdOf(string part) => part == "day" ? Id : Id + "-" + part;
}
