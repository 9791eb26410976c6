using System.Globalization;
using System.Net;
using System.Text;

namespace FedChain.Node.Status;

/// <summary>The status snapshot as one self-refreshing HTML page.</summary>
public static class StatusPage
{
    public static string Render(StatusSnapshot s)
    {
        var inv = CultureInfo.InvariantCulture;
        string E(object? v) => WebUtility.HtmlEncode(Convert.ToString(v, inv) ?? "");
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\"><title>FedChain node</title>")
            .Append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}.bad{color:#b00}</style></head><body>")
            .Append(inv, $"<h1>{E(s.Site)} <small><code>{E(s.Address)}</code></small></h1><p>peer endpoint {E(s.Endpoint)}; <a href=\"/metrics\">/metrics</a>, <a href=\"/status.json\">/status.json</a></p>")
            .Append(inv, $"<h2>Chain</h2><p>{E(s.Chain.Rpc)} (chain {s.Chain.ChainId}): height {s.Chain.Height}, events applied through block {s.Chain.AppliedThrough}, lag {s.Chain.Lag} blocks, confirmations {s.Chain.Confirmations}</p>")
            .Append("<h2>Plans</h2><table><tr><th>plan</th><th>status</th><th>round</th><th>phase</th><th>consent</th><th>epsilon spent</th><th>model</th></tr>");
        foreach (var p in s.Plans)
            html.Append(inv, $"<tr><td>{E(p.PlanId)} <code>{E(p.PlanHash[..12])}</code></td><td>{E(p.Status)}</td><td>{E(p.Round)}/{p.ChainRounds - 1}</td><td>{E(p.Phase)}</td><td title=\"{E(p.ConsentReason)}\">{E(p.Consent)}</td><td>{p.EpsilonSpent:G4} of {p.EpsilonBudget:G4}</td><td><code>{E(p.ModelHash?[..Math.Min(12, p.ModelHash.Length)])}</code></td></tr>");
        html.Append("</table><h2>Peers</h2><table><tr><th>member</th><th>address</th><th>connected</th><th>penalty score</th></tr>");
        foreach (var p in s.Peers)
            html.Append(inv, $"<tr><td>{E(p.Name)}</td><td><code>{E(p.Address)}</code></td><td>{(p.Connected ? "yes" : "no")}</td><td class=\"{(p.Score < 0 ? "bad" : "")}\">{p.Score:G4}{(p.Banned ? " (banned)" : "")}</td></tr>");
        html.Append("</table><h2>Last commits</h2><table><tr><th>plan</th><th>round</th><th>blob</th><th>samples</th></tr>");
        foreach (var c in s.LastCommits) html.Append(inv, $"<tr><td>{E(c.PlanId)}</td><td>{c.Round}</td><td><code>{E(c.BlobHash[..12])}</code></td><td>{c.SampleCount}</td></tr>");
        html.Append(inv, $"</table><h2>Blob store</h2><p>{s.BlobStore.Blobs} blobs, {s.BlobStore.Bytes:N0} bytes</p><h2>Recent errors</h2><ul>");
        foreach (var e in s.RecentErrors) html.Append(inv, $"<li class=\"bad\">{DateTimeOffset.FromUnixTimeMilliseconds(e.At):u} plan {E(e.PlanId)}: {E(e.Detail)}</li>");
        return html.Append(s.RecentErrors.Count == 0 ? "<li>none</li>" : "").Append("</ul></body></html>").ToString();
    }
}
