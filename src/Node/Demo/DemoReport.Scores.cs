using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;

namespace FedChain.Node.Demo;

public sealed partial record DemoReport
{
    public const string ScoresPlot = "scores.png";

    /// <summary>Contribution scores and rewards (null when the plan does not score).</summary>
    public DemoScores? Scores { get; init; }

    private string ScoresHtml()
    {
        if (Scores is null) return "";
        string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        var html = new StringBuilder("<h2>Contribution scores and rewards</h2>")
            .Append(CultureInfo.InvariantCulture, $"<p>Exact Shapley over 1 - Brier, per round, recorded on-chain in micro units (1e6 = 1.0); the ledger paid {E(Scores.RewardPerScore)} reward units per 1.0 of each hospital's net score over the plan. ")
            .Append(CultureInfo.InvariantCulture, $"Scoring cost per node and round: own report {Scores.Cost.ReportMilliseconds:F1} ms, scoring {Scores.Cost.ScoringMilliseconds:F1} ms, against {Scores.Cost.TrainingMilliseconds:F1} ms of local training.</p>")
            .Append("<table><tr><th>hospital</th>");
        foreach (var round in Scores.Rounds) html.Append(CultureInfo.InvariantCulture, $"<th>round {round.Round}</th>");
        html.Append("<th>total</th><th>reward balance</th></tr>");
        foreach (var total in Scores.Totals)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(total.Site)}</td>");
            foreach (var round in Scores.Rounds) html.Append(CultureInfo.InvariantCulture, $"<td>{round.Scores.GetValueOrDefault(total.Site):N0}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{total.Score:N0}</td><td>{E(total.RewardBalance)}</td></tr>");
        }

        return html.Append(CultureInfo.InvariantCulture, $"</table><p><img src=\"{ScoresPlot}\" width=\"900\"></p>").ToString();
    }

    /// <summary>Each hospital's score per round and its running total.</summary>
    private void SaveScoresPlot(string folder)
    {
        if (Scores is null) return;
        var plot = Reports.PlotFonts.NewPlot();
        var rounds = Scores.Rounds.Select(r => (double)r.Round).ToArray();
        foreach (var total in Scores.Totals)
        {
            var running = 0.0;
            var cumulative = Scores.Rounds.Select(r => running += r.Scores.GetValueOrDefault(total.Site) / 1e6).ToArray();
            plot.Add.Scatter(rounds, cumulative).LegendText = $"{total.Site} (reward {total.RewardBalance})";
        }

        plot.Title("contribution: cumulative exact Shapley score (1 - Brier) per hospital");
        plot.XLabel("round");
        plot.YLabel("cumulative score");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(Path.Combine(folder, ScoresPlot), 900, 480);
    }
}
