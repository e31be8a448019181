using System.Globalization;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Triage;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace KneeSpine.Web.Handouts;

/// <summary>
/// Builds the patient's A4 PDF handout: what to do now first, then the warning signs that mean
/// emergency, the plan, the pain chart, the disclaimer and the sources.
/// </summary>
public static class HandoutPdf
{
    /// <summary>The sentence every KneeSpine output carries.</summary>
    public const string Disclaimer = "KneeSpine supports, and does not replace, clinical judgement.";

    private const string Reassurance = "This handout supports, and does not replace, the advice of your care team. If you are worried, or something new happens, contact them.";

    private static readonly Lock FontLock = new();

    /// <summary>Creates the handout.</summary>
    /// <exception cref="FileNotFoundException">The DejaVu Sans font files are missing.</exception>
    public static byte[] Create(Handout handout)
    {
        ArgumentNullException.ThrowIfNull(handout);
        EnsureFontResolver();

        using var document = new PdfDocument();
        document.Info.Title = $"KneeSpine handout for {handout.PatientName}";
        document.Info.Subject = handout.Headline;
        document.Info.Creator = "KneeSpine";

        var writer = new HandoutWriter(document);
        WriteHeader(writer, handout);
        WriteTriage(writer, handout);
        WriteWarningSigns(writer, handout);
        WritePlan(writer, handout);
        WriteChart(writer, handout);
        writer.Paragraph(Reassurance, HandoutWriter.BodyBold);
        WriteSources(writer, handout);
        writer.Finish(Disclaimer);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void EnsureFontResolver()
    {
        lock (FontLock)
        {
            // PDFsharp allows the global resolver to be set once; a host that set its own keeps it.
            if (GlobalFontSettings.FontResolver is null)
            {
                var resolver = new DejaVuFontResolver();
                resolver.EnsureFontsExist();
                GlobalFontSettings.FontResolver = resolver;
            }
            else if (GlobalFontSettings.FontResolver is DejaVuFontResolver existing)
            {
                existing.EnsureFontsExist();
            }
        }
    }

    private static void WriteHeader(HandoutWriter writer, Handout handout)
    {
        writer.Paragraph("Your back pain plan after knee replacement", HandoutWriter.Title);
        var date = handout.AssessedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        writer.Paragraph($"For: {handout.PatientName}", HandoutWriter.BodyBold);
        writer.Paragraph($"Assessment of {date}, day {handout.DaysSinceSurgery} after surgery", HandoutWriter.Body);
        if (handout.VersionNote is { } note)
        {
            writer.Paragraph(note, HandoutWriter.BodyBold);
        }

        writer.Space(8);
    }

    private static void WriteTriage(HandoutWriter writer, Handout handout)
    {
        var emergency = handout.Level == TriageLevel.Emergency;
        writer.Box(
            XColor.FromArgb(ParseRgb(TriageDisplay.Background(handout.Level))),
            XColor.FromArgb(ParseRgb(TriageDisplay.Colour(handout.Level))),
            emergency ? 4 : 2.5,
            box =>
            {
                box.Paragraph(TriageDisplay.Label(handout.Level).ToUpperInvariant(), emergency ? HandoutWriter.Alarm : HandoutWriter.Heading2, TriageDisplay.Colour(handout.Level));
                box.Paragraph(handout.Headline, emergency ? HandoutWriter.Heading1 : HandoutWriter.Heading2);
            });
        writer.Space(8);
    }

    // Both lists, on every handout: the ambulance list in red, then the same-day list in amber.
    private static void WriteWarningSigns(HandoutWriter writer, Handout handout)
    {
        foreach (var list in handout.SignLists)
        {
            var level = list.Level == "emergency" ? TriageLevel.Emergency : TriageLevel.Urgent;
            var colour = TriageDisplay.Colour(level);
            writer.Box(
                XColors.White,
                XColor.FromArgb(ParseRgb(colour)),
                level == TriageLevel.Emergency ? 3 : 2,
                box =>
                {
                    box.Paragraph(list.Heading + ":", HandoutWriter.Heading2, colour);
                    if (list.Intro is { } intro)
                    {
                        box.Paragraph(intro, HandoutWriter.BodyBold);
                        box.Space(2);
                    }

                    foreach (var sign in list.Items)
                    {
                        box.Bullet(sign, level == TriageLevel.Emergency ? HandoutWriter.BodyBold : HandoutWriter.Body);
                    }
                });
            writer.Space(8);
        }
    }

    private static void WritePlan(HandoutWriter writer, Handout handout)
    {
        writer.Heading("Your plan");
        var number = 1;
        foreach (var item in handout.Plan)
        {
            writer.KeepTogether(HandoutWriter.Body.LineHeight * 3);
            writer.Paragraph($"{number++}. {item.Title}", HandoutWriter.BodyBold);
            writer.Paragraph(item.Text, HandoutWriter.Body, indent: 16);
            writer.Space(2);
        }
    }

    private static void WriteChart(HandoutWriter writer, Handout handout)
    {
        if (handout.PainHistory.Count == 0)
        {
            return;
        }

        writer.KeepTogether(HandoutChart.Height + 40);
        writer.Heading("Your pain since surgery");
        writer.Draw(HandoutChart.Height, (gfx, left, top, width) => HandoutChart.Draw(gfx, handout.PainHistory, left, top, width));
        writer.Paragraph("Solid line: back pain. Dashed line: knee pain. 0 is no pain, 10 the worst imaginable. A triangle marks a real change (2 points or 30%).", HandoutWriter.Small);
        writer.Space(6);
    }

    private static void WriteSources(HandoutWriter writer, Handout handout)
    {
        if (handout.Sources.Count == 0)
        {
            return;
        }

        writer.Heading("Sources");
        foreach (var source in handout.Sources)
        {
            writer.Bullet(source.TextWithLink, HandoutWriter.Citation);
        }
    }

    internal static int ParseRgb(string hex) =>
        unchecked((int)0xFF000000) | int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
