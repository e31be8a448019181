using System.Globalization;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Triage;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace KneeSpine.Web.Handouts;

/// <summary>
/// Builds the patient's A4 PDF handout: the clinic, what to do now first, then both lists of warning signs
/// (ambulance now; care team today, with the clinic's number), the plan, the pain chart, the disclaimer and the sources.
/// </summary>
public static class HandoutPdf
{
    /// <summary>The sentence every KneeSpine output carries.</summary>
    public const string Disclaimer = "KneeSpine supports, and does not replace, clinical judgement.";

    private const string Reassurance = "This handout supports, and does not replace, the advice of your care team. If you are worried, or something new happens, contact them.";

    private static readonly Lock FontLock = new();

    /// <summary>The language of every handout (PDF/UA needs it to pick a screen reader's voice).</summary>
    public const string Language = "en";

    /// <summary>Creates the handout: a tagged PDF (PDF/UA structure, language and title).</summary>
    /// <exception cref="FileNotFoundException">The DejaVu Sans font files are missing.</exception>
    public static byte[] Create(Handout handout)
    {
        ArgumentNullException.ThrowIfNull(handout);
        EnsureFontResolver();

        // A first pass counts the pages, so that each page's footer ("Page 1 of 2") is drawn with the page.
        int pages;
        using (var draft = new PdfDocument())
        {
            Write(new HandoutWriter(draft, Language, footer: null), handout);
            pages = draft.PageCount;
        }

        using var document = new PdfDocument();
        document.Info.Title = $"Your back pain plan after knee replacement, for {handout.PatientName}";
        document.Info.Subject = handout.Headline;
        document.Info.Creator = "KneeSpine";
        document.ViewerPreferences.DisplayDocTitle = true;
        Write(new HandoutWriter(document, Language, (Disclaimer, pages)), handout);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Write(HandoutWriter writer, Handout handout)
    {
        WriteHeader(writer, handout);
        WriteTriage(writer, handout);
        WriteWarningSigns(writer, handout);
        WritePlan(writer, handout);
        WriteChart(writer, handout);
        writer.Paragraph(Reassurance, HandoutWriter.BodyBold);
        WriteSources(writer, handout);
        writer.Finish();
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
        if (handout.Clinic.Name is { } clinic)
        {
            writer.Paragraph(handout.Clinic.Phone is { } phone ? $"{clinic}, phone {phone}" : clinic, HandoutWriter.BodyBold);
        }

        writer.Paragraph("Your back pain plan after knee replacement", HandoutWriter.Title, tag: PdfBlockLevelElementTag.Heading1);
        var date = handout.AssessedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        writer.Paragraph($"For {handout.PatientName}. Assessment of {date}, day {handout.DaysSinceSurgery} after surgery.", HandoutWriter.Body);
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

                    if (ContactLine(list.Level, handout.Clinic) is { } contact)
                    {
                        box.Space(2);
                        box.Paragraph(contact, HandoutWriter.BodyBold);
                    }
                });
            writer.Space(8);
        }
    }

    /// <summary>Who to call, under each list: the configured numbers, when there are any.</summary>
    private static string? ContactLine(string level, HandoutClinic clinic) => level == "emergency"
        ? clinic.EmergencyNumber is { } emergency ? $"Emergency number: {emergency}." : null
        : clinic.CallLine;

    private static void WritePlan(HandoutWriter writer, Handout handout)
    {
        writer.Heading("Your plan");
        var number = 1;
        foreach (var item in handout.Plan)
        {
            // The numbers in brackets are the item's entries in the sources list, so its evidence stays with it.
            var title = item.Sources.Count == 0
                ? $"{number++}. {item.Title}"
                : $"{number++}. {item.Title} [{string.Join(", ", item.Sources.Select(s => s.Number))}]";
            writer.Block(block =>
            {
                block.Paragraph(title, HandoutWriter.BodyBold);
                block.Paragraph(item.Text, HandoutWriter.Body, indent: 16);
                block.Space(1);
            });
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
        writer.Figure(HandoutChart.Height, HandoutChart.Describe(handout.PainHistory), (gfx, left, top, width) => HandoutChart.Draw(gfx, handout.PainHistory, left, top, width));
        writer.Paragraph("Solid line: back pain. Dashed line: knee pain. 0 is no pain, 10 the worst imaginable. A triangle marks a real change (2 points or 30%).", HandoutWriter.Small);
        writer.Space(6);
    }

    private static void WriteSources(HandoutWriter writer, Handout handout)
    {
        if (handout.Sources.Count == 0)
        {
            return;
        }

        // The list is one block: it moves whole to the next page rather than leave a citation alone there.
        writer.Block(block =>
        {
            block.Heading("Sources");
            foreach (var source in handout.Sources)
            {
                block.Bullet(source.TextWithLink, HandoutWriter.Citation, $"{source.Number}.");
            }
        });
    }

    internal static int ParseRgb(string hex) =>
        unchecked((int)0xFF000000) | int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
