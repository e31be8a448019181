namespace KneeSpine.Web.Ui;

/// <summary>One line of a form's error summary: the message, linking to the control it is about.</summary>
/// <param name="Anchor">Id of the control (or group) to move focus to.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ErrorSummaryItem(string Anchor, string Message);
