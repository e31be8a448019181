using System.Text.Json.Nodes;

namespace KneeSpine.Web.Demo;

/// <summary>One demo follow-up: the day after surgery it happened and the answers that differ from "all well".</summary>
/// <param name="Day">Days since surgery.</param>
/// <param name="BackPain">Back pain now, 0-10.</param>
/// <param name="KneePain">Operated-knee pain now, 0-10.</param>
/// <param name="Adjust">Changes to the otherwise calm answers (a red flag, a sleep problem ...).</param>
internal sealed record DemoVisit(int Day, int BackPain, int KneePain, Action<JsonObject>? Adjust = null);
