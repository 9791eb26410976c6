using System.Globalization;
using System.Text;

namespace FedChain.Node.Demo;

public sealed partial record DemoReport
{
    /// <summary>The DP section: each hospital's DP-SGD and the epsilon the chain records, per round and in total; empty without DP.</summary>
    private string PrivacyHtml()
    {
        if (Privacy is not { } p) return "";
        var html = new StringBuilder();
        var rounds = p.Members.Values.First().EpsilonPerRound.Count;
        html.Append(CultureInfo.InvariantCulture, $"<h2>Differential privacy</h2><p>Every hospital trains with DP-SGD under its own budget of epsilon {p.EpsilonBudget:G4} at delta {p.Delta:G3} (clip norm {p.ClipNorm:G3}); ")
            .Append("sampling and noise come from each node's OS CSPRNG. The epsilon below is what each commit recorded on-chain (micro units), which the contract caps at the budget and the audit checks against the plan's schedule.</p>")
            .Append("<table><tr><th>hospital</th><th>declared records</th><th>q</th><th>sigma</th><th>steps per round</th>");
        for (var r = 1; r <= rounds; r++) html.Append(CultureInfo.InvariantCulture, $"<th>round {r}</th>");
        html.Append("<th>total on-chain</th></tr>");
        foreach (var (site, m) in p.Members)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{System.Net.WebUtility.HtmlEncode(site)}</td><td>{m.DeclaredRecords}</td><td>{m.SampleRate:G4}</td><td>{m.NoiseMultiplier:G4}</td><td>{m.StepsPerRound}</td>");
            foreach (var e in m.EpsilonPerRound) html.Append(CultureInfo.InvariantCulture, $"<td>{e:F6}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td><b>{m.EpsilonTotal:F6}</b></td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</table><p><img src=\"{DemoPlots.Epsilon}\" width=\"900\"></p>");
        return html.ToString();
    }
}
