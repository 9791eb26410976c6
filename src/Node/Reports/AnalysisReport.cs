using System.Globalization;
using System.Text;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using static System.Net.WebUtility;

namespace FedChain.Node.Reports;

/// <summary>
/// The report a researcher reads: every released table, test and model of an analysis plan, with
/// Kaplan-Meier curves, histograms and forest plots as PNG files beside report.html, and what each
/// site shared to produce them.
/// </summary>
internal static class AnalysisReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <returns>The files written beside report.html.</returns>
    public static IReadOnlyList<string> Write(AnalysisPlan plan, AnalysisOutcome outcome, string folder)
    {
        var images = new List<string>();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>FedChain analysis</title><style>")
            .Append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}")
            .Append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
            .Append(".suppressed{color:#999;font-style:italic}.refused{color:#a00}.note{color:#555;font-size:90%}img{max-width:100%}")
            .Append("</style></head><body>\n");
        html.Append(Inv, $"<h1>Federated analysis</h1><p>Plan <code>{outcome.PlanHash}</code> over {outcome.Sites.Count} sites ({HtmlEncode(string.Join(", ", outcome.Sites))}), ")
            .Append(Inv, $"{outcome.Rounds} rounds of at most {outcome.MaxRounds}; secure aggregation {(outcome.SecureAggregation ? "on" : "off")}; k = {plan.Disclosure.MinCellCount} unless an analysis says otherwise.</p>\n");
        if (plan.Description is { } description) html.Append("<p>").Append(HtmlEncode(description)).Append("</p>\n");

        foreach (var result in outcome.Results)
        {
            html.Append("<h2>").Append(HtmlEncode(result.Name)).Append(": ").Append(HtmlEncode(result.Title)).Append("</h2>\n");
            html.Append(Inv, $"<p class=\"note\">{result.Steps} step(s); k = {result.MinCellCount}")
                .Append(result.Dp is { } dp ? string.Create(Inv, $"; counts carry Gaussian noise, epsilon {dp.Epsilon:G3}, delta {dp.Delta:G3}, sigma {dp.Sigma:G4}") : "").Append("</p>\n");
            if (result.Refused is { } refusal)
            {
                html.Append("<p class=\"refused\">Refused by rule <b>").Append(HtmlEncode(refusal.Rule)).Append("</b>: ").Append(HtmlEncode(refusal.Reason)).Append("</p>\n");
                continue;
            }

            var image = Body(html, result, folder);
            if (image is not null)
            {
                images.Add(image);
                html.Append("<img src=\"").Append(HtmlEncode(image)).Append("\" alt=\"").Append(HtmlEncode(result.Title)).Append("\">\n");
            }

            foreach (var note in result.Notes) html.Append("<p class=\"note\">").Append(HtmlEncode(note)).Append("</p>\n");
        }

        html.Append("<h2>What the sites shared</h2><p class=\"note\">Per round, each block every site sent: per-site blocks are seen site by site by every member; pooled blocks ")
            .Append(outcome.SecureAggregation ? "went through secure aggregation, so only their sum exists." : "were summed in the clear, so each site's values were seen by the members.").Append("</p>\n")
            .Append("<table><tr><th>round</th><th>analysis</th><th>block</th><th>seen</th><th>slots per site</th><th>fractional bits</th></tr>\n");
        foreach (var b in outcome.Shared)
        {
            html.Append(Inv, $"<tr><td>{b.Round}</td><td>{HtmlEncode(b.Analysis)}</td><td>{HtmlEncode(b.Block)}</td><td>{(b.Release == Release.PerSite ? "per site" : "pooled")}</td><td>{b.SlotsPerSite}</td><td>{b.FractionBits}</td></tr>\n");
        }

        html.Append("</table></body></html>\n");
        File.WriteAllText(Path.Combine(folder, "report.html"), html.ToString());
        return images;
    }

    /// <returns>The image file written for the result, if any.</returns>
    private static string? Body(StringBuilder html, AnalysisResult result, string folder)
    {
        switch (result)
        {
            case TableResult table:
                Table(html, ["", .. table.Columns], table.Rows.Select(r => (r.Label, r.Cells.Select(Cell))));
                if (table.Test is { } test) html.Append(Inv, $"<p>{HtmlEncode(test.Test)}: X<sup>2</sup> = {test.Chisq:G6}, df = {test.Df}, p = {test.P:G4}</p>\n");
                return table.Edges is null ? null : Image(folder, $"histogram-{result.Name}.png", path => HistogramPlot.Save(table, path));
            case KaplanMeierResult km:
                Table(html, ["stratum", "released steps", "last time", "survival there", "events", "at risk at start"],
                    km.Strata.Select(s => (s.Name, (IEnumerable<string>)[
                        s.Times.Count.ToString(Inv), s.Times.Count == 0 ? "" : s.Times[^1].ToString("G6", Inv), s.Survival.Count == 0 ? "" : s.Survival[^1].ToString("F4", Inv),
                        s.NEvent.Sum().ToString(Inv), s.NRisk.Count == 0 ? "" : s.NRisk[0].ToString(Inv)])));
                return Image(folder, $"km-{result.Name}.png", path => KaplanMeierPlot.Save(km, path));
            case LogRankResult logrank:
                html.Append(Inv, $"<p>chisq = {logrank.Chisq:G6}, df = {logrank.Df}, p = {logrank.P:G4}</p>\n");
                Table(html, ["group", "N", "observed", "expected"], logrank.Groups.Select(g => (g.Name, (IEnumerable<string>)[Cell(g.N), Cell(g.Observed), g.Expected.ToString("F2", Inv)])));
                return null;
            case GlmResult glm:
                html.Append(Inv, $"<p>n = {glm.N}, deviance {glm.Deviance:G8} on {glm.DfResidual} df, dispersion {glm.Dispersion:G6}{(glm.Converged ? "" : "; NOT converged")}</p>\n");
                Coefficients(html, glm.Coefficients, glm.Family == GlmFamily.Gaussian ? "t" : "z");
                return glm.Coefficients.Count == 0 ? null : Image(folder, $"forest-{result.Name}.png",
                    path => ForestPlot.Save(result.Title, glm.Family switch { GlmFamily.Binomial => "log odds ratio", GlmFamily.Poisson => "log rate ratio", _ => "coefficient" }, glm.Coefficients, path));
            case CoxResult cox:
                html.Append(Inv, $"<p>n = {cox.N}, events = {cox.Events}, log partial likelihood {cox.LogLikelihood:G10}{(cox.Converged ? "" : "; NOT converged")}</p>\n");
                Coefficients(html, cox.Coefficients, "z");
                return cox.Coefficients.Count == 0 ? null : Image(folder, $"forest-{result.Name}.png", path => ForestPlot.Save(result.Title, "log hazard ratio", cox.Coefficients, path));
            default:
                return null;
        }
    }

    private static void Coefficients(StringBuilder html, IReadOnlyList<Coefficient> coefficients, string statistic) =>
        Table(html, ["term", "estimate", "std. error", statistic, "p", "CI lower", "CI upper"],
            coefficients.Select(c => (c.Term, (IEnumerable<string>)[.. new[] { c.Estimate, c.StdError, c.Z }.Select(v => v.ToString("G6", Inv)), c.P.ToString("G4", Inv), c.CiLower.ToString("G6", Inv), c.CiUpper.ToString("G6", Inv)])));

    private static string? Image(string folder, string name, Action<string> save)
    {
        save(Path.Combine(folder, name));
        return name;
    }

    private static string Cell(TableCell cell) => cell switch
    {
        { Suppressed: true } => $"<span class=\"suppressed\" title=\"{HtmlEncode(cell.Rule)}\">suppressed</span>",
        { Value: null } => "",
        { Share: { } share } => string.Create(Inv, $"{cell.Value:G6} ({share:P1})"),
        _ => cell.Value!.Value.ToString("G6", Inv),
    };

    private static void Table(StringBuilder html, IReadOnlyList<string> headings, IEnumerable<(string Label, IEnumerable<string> Cells)> rows)
    {
        html.Append("<table><tr>");
        foreach (var h in headings) html.Append("<th>").Append(HtmlEncode(h)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var (label, cells) in rows)
        {
            html.Append("<tr><td>").Append(HtmlEncode(label)).Append("</td>");
            foreach (var cell in cells) html.Append("<td>").Append(cell).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }
}
