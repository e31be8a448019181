using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KneeSpine.Web.Handouts;

/// <summary>
/// Flows wrapped text, boxes and drawings down A4 pages, starting a new page when the next block
/// does not fit. A writer in measuring mode draws nothing and only advances, so that a box can be
/// sized before it is drawn.
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
    private XGraphics gfx;
    private double y;

    public HandoutWriter(PdfDocument document)
    {
        this.document = document;
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
        Paragraph(text, Heading2);
        Space(2);
    }

    public void Paragraph(string text, HandoutTextStyle style, string? colour = null, double indent = 0)
    {
        var font = Font(style);
        var brush = new XSolidBrush(colour is null ? Ink : XColor.FromArgb(HandoutPdf.ParseRgb(colour)));
        foreach (var line in Wrap(text, font, width - indent))
        {
            KeepTogether(style.LineHeight);
            if (!measureOnly)
            {
                gfx.DrawString(line, font, brush, left + indent, y, XStringFormats.TopLeft);
            }

            y += style.LineHeight;
        }
    }

    public void Bullet(string text, HandoutTextStyle style)
    {
        KeepTogether(style.LineHeight);
        if (!measureOnly)
        {
            gfx.DrawString("\u2022", Font(style), new XSolidBrush(Ink), left + 2, y, XStringFormats.TopLeft);
        }

        Paragraph(text, style, indent: style.Size + 4);
        y += style.Size / 6;
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
            gfx.DrawRectangle(new XPen(border, borderWidth), new XSolidBrush(fill), left, y, width, height);
            content(new HandoutWriter(this, left + BoxPadding, width - (2 * BoxPadding), y + BoxPadding, measureOnly: false));
        }

        y += height;
    }

    /// <summary>Reserves <paramref name="height"/> points and draws into them.</summary>
    public void Draw(double height, Action<XGraphics, double, double, double> draw)
    {
        KeepTogether(height);
        if (!measureOnly)
        {
            draw(gfx, left, y, width);
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

        gfx.Dispose();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    /// <summary>Closes the last page and writes the footer (disclaimer and page number) on every page.</summary>
    public void Finish(string disclaimer)
    {
        gfx.Dispose();
        if (document is null)
        {
            return;
        }

        var font = Font(Small);
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var footer = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var top = page.Height.Point - Margin - FooterHeight + 12;
            footer.DrawLine(new XPen(XColors.Gray, 0.5), Margin, top, page.Width.Point - Margin, top);
            footer.DrawString(disclaimer, font, new XSolidBrush(Ink), Margin, top + 4, XStringFormats.TopLeft);
            footer.DrawString($"Page {i + 1} of {count}", font, new XSolidBrush(Ink), page.Width.Point - Margin, top + 4, XStringFormats.TopRight);
        }
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
