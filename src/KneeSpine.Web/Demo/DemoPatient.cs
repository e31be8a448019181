using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Demo;

/// <summary>A fictional demo patient and the story of their recovery.</summary>
/// <param name="SurgeryDaysAgo">How long before today the knee replacement was.</param>
/// <param name="Surgery">The <c>surgery</c> section (its date is filled in).</param>
internal sealed record DemoPatient(string Name, DateOnly BirthDate, Sex Sex, int SurgeryDaysAgo, JsonObject Surgery, IReadOnlyList<DemoVisit> Visits);
