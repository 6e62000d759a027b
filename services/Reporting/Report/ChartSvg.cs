using System.Globalization;
using System.Xml.Linq;

namespace CountyTech.Reporting.Report;

/// <summary>One bar of a chart: its label (a year, a township) and its value, null when not reported.</summary>
public sealed record ChartBar(string Label, decimal? Value, string Text);

/// <summary>
/// A bar chart drawn on the server as inline SVG (附图), so the printable report carries its charts with no script and
/// no network. Each bar has its value written above it; a value not reported has no bar and says so.
/// </summary>
public static class ChartSvg
{
    private const int Width = 640;
    private const int Height = 280;
    private const int Top = 48;
    private const int Bottom = 40;
    private const int Side = 24;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Bars(string title, string unit, IReadOnlyList<ChartBar> bars)
    {
        var chart = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("width", Width),
            new XAttribute("height", Height),
            new XAttribute("role", "img"),
            new XAttribute("class", "chart"),
            new XElement(Svg + "title", title),
            Text(Width / 2, 22, $"{title}（{unit}）", "middle", "chart-title"),
            new XElement(Svg + "line",
                new XAttribute("x1", Side), new XAttribute("x2", Width - Side),
                new XAttribute("y1", Height - Bottom), new XAttribute("y2", Height - Bottom),
                new XAttribute("stroke", "#333")));

        var max = bars.Max(b => b.Value) is { } m && m > 0 ? m : 1m;
        var slot = (Width - 2 * Side) / (double)Math.Max(bars.Count, 1);
        var plot = Height - Top - Bottom;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var centre = Side + slot * (i + 0.5);
            chart.Add(Text(centre, Height - Bottom + 18, bar.Label, "middle", "chart-label"));
            if (bar.Value is not { } value)
            {
                chart.Add(Text(centre, Height - Bottom - 8, bar.Text, "middle", "chart-missing"));
                continue;
            }

            var height = value <= 0 ? 0 : (double)(value / max) * plot;
            var width = Math.Min(slot * 0.6, 56);
            chart.Add(new XElement(Svg + "rect",
                new XAttribute("x", Number(centre - width / 2)), new XAttribute("y", Number(Height - Bottom - height)),
                new XAttribute("width", Number(width)), new XAttribute("height", Number(height)),
                new XAttribute("fill", "#c0392b")));
            chart.Add(Text(centre, Height - Bottom - height - 6, bar.Text, "middle", "chart-value"));
        }

        if (bars.Count == 0)
        {
            chart.Add(Text(Width / 2, Height / 2, "暂无数据", "middle", "chart-missing"));
        }

        return chart.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Text(double x, double y, string text, string anchor, string cssClass) =>
        new(Svg + "text",
            new XAttribute("x", Number(x)), new XAttribute("y", Number(y)),
            new XAttribute("text-anchor", anchor), new XAttribute("class", cssClass),
            text);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
