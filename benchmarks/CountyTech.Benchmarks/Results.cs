using System.Globalization;
using System.Text;

namespace CountyTech.Benchmarks;

/// <summary>One line of the table: a figure, what it is compared with in the same run, their ratio and issue 7's goal.</summary>
internal sealed record ResultRow(string Measurement, string Figure, string Baseline, double? Ratio, string Goal, bool? Met);

/// <summary>The table of ratios, printed and written as Markdown.</summary>
internal sealed class Results
{
    private readonly List<ResultRow> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  {row.Measurement}: {row.Figure} vs {row.Baseline} -> {Format(row.Ratio)} ({row.Goal})");
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine("  " + note);
    }

    public string Markdown(string heading)
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine();
        text.AppendLine("| measurement | figure | side by side | ratio | goal | met |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measurement} | {row.Figure} | {row.Baseline} | {Format(row.Ratio)} | {row.Goal} | {met} |");
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine("- " + note);
            }
        }

        return text.ToString();
    }

    public static string Format(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The middle value (of an even number, the upper of the two middle ones).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Ratios as the table writes them, comma-separated in the order given.</summary>
    public static string List(IEnumerable<double> ratios) => string.Join(", ", ratios.Select(r => Format(r)));
}
