using System.Globalization;
using System.Text;
using FedChain.Learning.Plans;
using FedChain.Node.Consent;

namespace FedChain.Node.Plans;

/// <summary>A plan document said in words, for the people who review, vote on and approve it.</summary>
public static class PlanDescription
{
    public static string Describe(TrainingPlan plan)
    {
        var inv = CultureInfo.InvariantCulture;
        var terms = plan.Chain ?? ChainTerms.Default;
        var client = plan.Client;
        var text = new StringBuilder();
        text.AppendLine($"plan {plan.Hash}");
        text.AppendLine($"  data: schema {plan.Schema.Name} v{plan.Schema.Version} ({plan.Schema.Hash[..12]}), {plan.Schema.Task.Kind.ToString().ToLowerInvariant()} task, {plan.Schema.FeatureCount} model inputs");
        text.AppendLine(string.Create(inv, $"  model: {ConsentPolicy.Name(plan.Model.Kind)}{(plan.Model.Hidden is { Count: > 0 } h ? $" with hidden layers {string.Join("x", h)}" : "")}, {plan.ParameterCount} parameters, features scaled {Scaling(plan)}"));
        text.AppendLine(string.Create(inv, $"  training: {plan.Rounds} rounds of {plan.Server.Rule} (server learning rate {plan.Server.LearningRate:G4}); each site runs {(client.LocalEpochs > 0 ? $"{client.LocalEpochs} epochs" : $"{client.LocalSteps} steps")} of {client.Optimizer} (learning rate {client.LearningRate:G4}, batch {(client.BatchSize == 0 ? "full" : client.BatchSize.ToString(inv))}){(client.ProximalMu > 0 ? $", FedProx mu {client.ProximalMu:G4}" : "")} per round"));
        text.AppendLine(string.Create(inv, $"  updates: fixed point with {plan.Quantisation.FixedPointBits} fractional bits, clipped to +-{plan.Quantisation.RealBound:G4}, at most {plan.Quantisation.MaxMembers} members"));
        text.AppendLine($"  protection: {Protection(plan)}");
        text.AppendLine(plan.Contribution is { } c
            ? string.Create(inv, $"  contribution: {c.Method} over {c.Metric} each round, a reward pool of {terms.RewardPool} units shared by net contribution")
            : "  contribution: not scored, no rewards");
        text.Append(string.Create(inv, $"  chain terms: enrolment {terms.EnrolmentWindowSeconds} s, rounds close after {terms.CommitWindowSeconds} s, aggregates agreed by {terms.QuorumPercent} % of participants, scores voted {terms.ScoresLag} rounds behind; seed {plan.Seed}"));
        return text.ToString();
    }

    /// <summary>
    /// What the plan protects, exactly (updates are always signed and sent over mutually authenticated TLS 1.3),
    /// among <paramref name="members"/> participants when known: with two, each learns the other's update from the sum.
    /// </summary>
    public static string Protection(TrainingPlan plan, int? members = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string> { "updates signed by each member and sent over mutually authenticated TLS 1.3" };
        parts.Add(plan.SecureAggregation is { Enabled: true } s
            ? $"masked by secure aggregation (threshold {s.Threshold}): members see only the sum" + (members == 2 ? " (with two members, each subtracts its own update from the sum and reads the other's)" : "")
            : "not masked: every member sees every other member's update");
        parts.Add(plan.Privacy is { } p
            ? string.Create(inv, $"DP-SGD at epsilon {p.TargetEpsilon:G4}, delta {p.Delta:G3} per member (clip norm {p.ClipNorm:G3}); noise from each node's CSPRNG, so no simulation repeats its bits")
            : "no differential privacy noise, so a one-process simulation gives the same model bits");
        return string.Join("; ", parts);
    }

    private static string Scaling(TrainingPlan plan) => plan.Normalisation switch
    {
        Learning.Data.Statistics.Normalisation.Federated => "by the consortium's pooled mean and std (round 0 shares counts, sums and sums of squares)",
        Learning.Data.Statistics.Normalisation.PerSite => "by each site's own mean and std",
        _ => "not at all",
    };
}
