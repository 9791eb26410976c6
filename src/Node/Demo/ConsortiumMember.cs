using System.Numerics;
using System.Text.Json;
using FedChain.Contracts;
using FedChain.Node.Agent;
using FedChain.Node.Identity;

namespace FedChain.Node.Demo;

/// <summary>One institution of a local consortium: its key, its folder, its node config, its handle on the chain.</summary>
public sealed record ConsortiumMember(string Site, NodeKey Key, string Directory, string ConfigFile, string Endpoint, Consortium Chain)
{
    public string Address => Key.Address.ToString();

    /// <summary>What this member's node wrote when the plan completed (state/plans/&lt;id&gt;/result.json).</summary>
    public PlanResult ReadResult(BigInteger planId)
    {
        var file = System.IO.Path.Combine(Directory, "state", "plans", planId.ToString(), "result.json");
        if (!File.Exists(file)) throw new InvalidOperationException($"{Site}'s node finished without writing {file}; see {System.IO.Path.Combine(Directory, "node.log")}");
        return JsonSerializer.Deserialize<PlanResult>(File.ReadAllText(file), StatusReporter.Json)!;
    }
}
