using System.Globalization;
using System.Net;
using System.Text;

namespace FedChain.Node.Demo;

public sealed partial record DemoReport
{
    /// <summary>A self-contained page: the verdict, model hashes, audit, metrics, timing and gas, with the plots beside it.</summary>
    private string Html()
    {
        var html = new StringBuilder();
        string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        string F(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";

        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>FedChain demo report</title>")
            .Append("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}.ok{color:green}.bad{color:red}code{font-size:90%}</style></head><body>")
            .Append("<h1>FedChain demo: four heart-disease hospitals</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"{(Ok ? "ok" : "bad")}\"><b>{(Ok ? "All checks passed" : "Checks failed")}</b>: plan {E(PlanId)} (<code>{E(PlanHash)}</code>), {Rounds} rounds, {WallSeconds:F0} s from an empty chain to this report.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><b>What this run protects:</b> {E(Protection)}.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>Released with the evaluation report <code>{E(EvaluationReportHash)}</code>, built from each hospital's own pinned evaluation.</p>");

        html.Append("<h2>Final model</h2><table><tr><th>member</th><th>model hash</th></tr>");
        foreach (var (member, hash) in FinalModelHashes) html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(member)}</td><td><code>{E(hash)}</code></td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>finalised on-chain</td><td><code>{E(FinalisedModelHash)}</code></td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><td>fedchain simulate, one process</td><td><code>{E(SimulatedModelHash)}</code> {(Privacy is not null ? "(not comparable with DP: each node draws its noise from its own CSPRNG)" : MatchesSimulation ? "(identical)" : "(DIFFERENT)")}</td></tr></table>");

        html.Append(CultureInfo.InvariantCulture, $"<h2>Audit</h2><p class=\"{(Audit.Ok ? "ok" : "bad")}\">{(Audit.Ok ? "passed" : "failed")}: {Audit.PlansChecked} plans, {Audit.RoundsChecked} rounds, {Audit.BlobsChecked} committed blobs checked.</p><ul>");
        foreach (var finding in Audit.Findings) html.Append(CultureInfo.InvariantCulture, $"<li>{E(finding)}</li>");
        html.Append("</ul>");

        html.Append("<h2>Test metrics of the final model, per hospital</h2><table><tr><th>hospital</th><th>rows</th><th>accuracy</th><th>ROC-AUC</th><th>sensitivity</th><th>specificity</th><th>F1</th><th>Brier</th></tr>");
        foreach (var (site, m) in Metrics.Final)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(site)}</td><td>{m.Rows}</td><td>{F(m.Accuracy)}</td><td>{F(m.RocAuc)}</td><td>{F(m.Sensitivity)}</td><td>{F(m.Specificity)}</td><td>{F(m.F1)}</td><td>{F(m.Brier)}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"</table><p><img src=\"{DemoPlots.Accuracy}\" width=\"900\"></p>");

        html.Append(CultureInfo.InvariantCulture, $"<h2>Time per round</h2><p>Protocol overhead (round wall time minus the slowest hospital's local training): median {F(OverheadMedianMs)} ms, max {F(OverheadMaxMs)} ms.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><img src=\"{DemoPlots.Overhead}\" width=\"900\"></p><table><tr><th>round</th><th>wall ms</th><th>slowest training ms</th><th>overhead ms</th></tr>");
        foreach (var o in Overhead) html.Append(CultureInfo.InvariantCulture, $"<tr><td>{o.Round}</td><td>{o.WallMs:F0}</td><td>{o.MaxTrainingMs:F0}</td><td>{o.OverheadMs:F0}</td></tr>");
        html.Append("</table>");

        html.Append(ScoresHtml());
        html.Append(PrivacyHtml());
        html.Append(CultureInfo.InvariantCulture, $"<h2>Chain transactions</h2><p>{Transactions.Count} transactions, {GasTotal:N0} gas in all.</p><p><img src=\"{DemoPlots.Gas}\" width=\"900\"></p><table><tr><th>contract.function</th><th>count</th><th>gas</th><th>gas each</th></tr>");
        foreach (var (name, line) in GasByFunction) html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(name)}</td><td>{line.Count}</td><td>{line.Gas:N0}</td><td>{line.Gas / line.Count:N0}</td></tr>");
        html.Append("</table></body></html>");
        return html.ToString();
    }
}
