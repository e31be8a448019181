namespace KneeSpine.Engine.Input;

/// <summary>One problem with an assessment input.</summary>
/// <param name="Path">JSON path of the offending field, e.g. <c>redFlags.feverOrChills</c> or <c>conditions[2]</c>; <c>$</c> for the whole document.</param>
/// <param name="Message">Plain-language description of the problem.</param>
public sealed record ValidationError(string Path, string Message);
