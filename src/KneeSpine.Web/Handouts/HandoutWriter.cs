using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace KneeSpine.Web.Handouts;

/// <summary>
/// Flows wrapped text, boxes and drawings down A4 pages, starting a new page when the next block
/// does not fit. A writer in measuring mode draws nothing and only advances, so that a box can be
/// sized before it is drawn. Everything drawn is tagged (PDF/UA): text as headings and paragraphs in reading
/// order, the chart as a figure with a description, borders, bullets and footers as artifacts a screen reader skips.
/// </summary>
internal sealed class HandoutWriter
{
    // Older readers: 11 pt is the smallest type used for anything the patient must act on;
    // only the citations and the chart labels are smaller.
    public static readonly HandoutTextStyle Title = new(19, Bold: true);
    public static readonly HandoutTextStyle Heading1 = new(17, Bold: true);
    public static readonly HandoutTextStyle Heading2 = new(13.5, Bold: true);
    public static readonly HandoutTextStyle Alarm = new(15, Bold: true);
    public static readonly HandoutTextStyle Body = new(11, Bold: false);
    public static readonly HandoutTextStyle BodyBold = new(11, Bold: true);
    public static readonly HandoutTextStyle Small = new(9, Bold: false);
    public static readonly HandoutTextStyle Citation = new(7.5, Bold: false);
    public static readonly HandoutTextStyle ChartLabel = new(9, Bold: false);
    public static readonly HandoutTextStyle ChartBold = new(9, Bold: true);

    private const double Margin = 40;
    private const double FooterHeight = 30;
    private const double BoxPadding = 10;
    private static readonly XColor Ink = XColor.FromArgb(unchecked((int)0xFF1A1A1A));

    private readonly PdfDocument? document;
    private readonly double left;
    private readonly double width;
    private readonly bool measureOnly;
    private readonly bool canBreakPages;
    private readonly Dictionary<HandoutTextStyle, XFont> fonts;
    private readonly StructureBuilder? structure;
    private readonly (string Text, int Pages)? footer;
    private XGraphics gfx;
    private double y;

    /// <summary>A writer for a new document.</summary>
    /// <param name="document">The document, still without pages.</param>
    /// <param name="language">The document's language, e.g. "en".</param>
    /// <param name="footer">The footer text and the page count; null in a first pass that only counts the pages.</param>
    public HandoutWriter(PdfDocument document, string language, (string Text, int Pages)? footer)
    {
        this.document = document;
        this.footer = footer;
        // The structure tree must exist before the first page is added.
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(language);
        structure = accessibility.StructureBuilder;
        fonts = [];
        left = Margin;
        canBreakPages = true;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        width = page.Width.Point - (2 * Margin);
        y = Margin;
    }

    private HandoutWriter(HandoutWriter parent, double left, double width, double y, bool measureOnly)
    {
        fonts = parent.fonts;
        gfx = parent.gfx;
        structure = parent.structure;
        this.left = left;
        this.width = width;
        this.y = y;
        this.measureOnly = measureOnly;
    }

    private double Bottom => gfx.PageSize.Height - Margin - FooterHeight;

    public void Space(double points) => y += points;

    public void Heading(string text)
    {
        KeepTogether(Heading2.LineHeight * 3);
        Space(4);
        Paragraph(text, Heading2, tag: PdfBlockLevelElementTag.Heading2);
        Space(2);
    }

    public void Paragraph(string text, HandoutTextStyle style, string? colour = null, double indent = 0, PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
    {
        var font = Font(style);
        var brush = new XSolidBrush(colour is null ? Ink : XColor.FromArgb(HandoutPdf.ParseRgb(colour)));
        var lines = Wrap(text, font, width - indent);
        // A paragraph moves whole to the next page when it fits on one; a tagged element never spans a page break.
        KeepTogether(Math.Min(lines.Count * style.LineHeight, Bottom - Margin));
        var tagged = Begin(tag);
        foreach (var line in lines)
        {
            if (canBreakPages && y + style.LineHeight > Bottom)
            {
                End(tagged);
                KeepTogether(style.LineHeight);
                tagged = Begin(tag);
            }

            if (!measureOnly)
            {
                gfx.DrawString(line, font, brush, left + indent, y, XStringFormats.TopLeft);
            }

            y += style.LineHeight;
        }

        End(tagged);
    }

    public void Bullet(string text, HandoutTextStyle style, string marker = "\u2022")
    {
        KeepTogether(style.LineHeight);
        Artifact(() => gfx.DrawString(marker, Font(style), new XSolidBrush(Ink), left + 2, y, XStringFormats.TopLeft));
        Paragraph(text, style, indent: marker.Length > 1 ? (style.Size * 2) + 2 : style.Size + 4);
        y += style.Size / 6;
    }

    /// <summary>Writes <paramref name="content"/> on one page when it fits on a page, so a block is never split leaving a line alone.</summary>
    public void Block(Action<HandoutWriter> content)
    {
        var measure = new HandoutWriter(this, left, width, 0, measureOnly: true);
        content(measure);
        KeepTogether(Math.Min(measure.y, Bottom - Margin));
        content(this);
    }

    /// <summary>Draws a bordered box around content, on one page.</summary>
    public void Box(XColor fill, XColor border, double borderWidth, Action<HandoutWriter> content)
    {
        var measure = new HandoutWriter(this, left + BoxPadding, width - (2 * BoxPadding), 0, measureOnly: true);
        content(measure);
        var height = measure.y + (2 * BoxPadding);
        KeepTogether(height);
        if (!measureOnly)
        {
            Artifact(() => gfx.DrawRectangle(new XPen(border, borderWidth), new XSolidBrush(fill), left, y, width, height));
            content(new HandoutWriter(this, left + BoxPadding, width - (2 * BoxPadding), y + BoxPadding, measureOnly: false));
        }

        y += height;
    }

    /// <summary>Reserves <paramref name="height"/> points and draws a figure into them, described by <paramref name="description"/>.</summary>
    public void Figure(double height, string description, Action<XGraphics, double, double, double> draw)
    {
        KeepTogether(height);
        if (!measureOnly)
        {
            structure?.BeginElement(PdfIllustrationElementTag.Figure, description, new XRect(left, y, width, height));
            draw(gfx, left, y, width);
            structure?.End();
        }

        y += height;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public void KeepTogether(double height)
    {
        if (!canBreakPages || y + height <= Bottom || document is null)
        {
            return;
        }

        EndPage();
        gfx.Dispose();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    /// <summary>Closes the last page.</summary>
    public void Finish()
    {
        EndPage();
        gfx.Dispose();
    }

    // The footer is drawn as each page ends, with the count from a first layout pass: drawing it afterwards through a
    // second XGraphics would put it outside the page's tagged content.
    private void EndPage()
    {
        if (footer is not { } pageFooter || document is null)
        {
            return;
        }

        var font = Font(Small);
        var page = document.PageCount;
        var top = gfx.PageSize.Height - Margin - FooterHeight + 12;
        // A running footer is an artifact: a screen reader reads the disclaimer once, in the text, not on every page.
        Artifact(() =>
        {
            gfx.DrawLine(new XPen(XColors.Gray, 0.5), Margin, top, gfx.PageSize.Width - Margin, top);
            gfx.DrawString(pageFooter.Text, font, new XSolidBrush(Ink), Margin, top + 4, XStringFormats.TopLeft);
            gfx.DrawString($"Page {page} of {pageFooter.Pages}", font, new XSolidBrush(Ink), gfx.PageSize.Width - Margin, top + 4, XStringFormats.TopRight);
        });
    }

    private bool Begin(PdfBlockLevelElementTag tag)
    {
        if (measureOnly || structure is null)
        {
            return false;
        }

        structure.BeginElement(tag);
        return true;
    }

    private void End(bool tagged)
    {
        if (tagged)
        {
            structure!.End();
        }
    }

    private void Artifact(Action draw)
    {
        if (measureOnly)
        {
            return;
        }

        structure?.BeginArtifact();
        draw();
        structure?.End();
    }

    private XFont Font(HandoutTextStyle style)
    {
        if (!fonts.TryGetValue(style, out var font))
        {
            font = style.CreateFont();
            fonts[style] = font;
        }

        return font;
    }

    private List<string> Wrap(string text, XFont font, double available)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > available)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
