using FedChain.Learning.Data;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Privacy.DpSgd;

namespace FedChain.Learning.Training;

public static partial class ClientStep
{
    // One round of DP-SGD under the member's budget, rebuilt from the state's history. The whole
    // round is checked before any step, so a refused round trains nothing and spends nothing.
    private static (LocalTrainingResult Local, ClientState State, RoundPrivacy Privacy) TrainPrivately(
        TrainingPlan plan, NeuralModel model, float[] globalParameters, SiteDataset train, int round, ClientState state,
        NoiseSource? noise, float[]? correction)
    {
        var dp = MemberDpSgd.For(plan, train.Site);
        var budget = dp.Budget(state.PrivacySpent);
        var before = budget.Spent.Epsilon;
        var thisRound = new SampledGaussianSteps(dp.Options.SampleRate, dp.Options.NoiseMultiplier, dp.StepsPerRound);
        var wouldSpend = budget.Accountant.PeekPrivacySpent(thisRound, dp.Delta, dp.Conversion).Epsilon;
        if (wouldSpend > dp.Epsilon)
            throw new PrivacyBudgetExhaustedException(
                $"member '{train.Site}', round {round}: {dp.StepsPerRound} more DP-SGD steps (q = {dp.Options.SampleRate:G4}, sigma = {dp.Options.NoiseMultiplier:G4}) " +
                $"would take epsilon from {before:G4} to {wouldSpend:G4} at delta {dp.Delta:G3}, past the member's budget {dp.Epsilon:G4}; " +
                $"it has taken {budget.Accountant.TotalSteps} of the plan's {dp.PlannedSteps} steps. Nothing was trained.");

        var local = PrivateLocalTrainer.Train(
            model, MemberDpSgd.LossFor(plan), globalParameters, train, plan.Client, dp.Options, dp.StepsPerRound, budget, noise ?? new CryptoNoiseSource(), correction);
        // The epsilon reported is the one a node recomputes from its stored history after a restart.
        var spent = Append(state.PrivacySpent, thisRound);
        var after = dp.Budget(spent).Spent.Epsilon;
        var privacy = new RoundPrivacy(after, after - before, dp.Delta, dp.Epsilon, dp.StepsPerRound, dp.Options.SampleRate, dp.Options.NoiseMultiplier);
        return (local, state with { PrivacySpent = spent }, privacy);
    }

    // Consecutive runs at the same (q, sigma) merge into one, so the stored history stays short.
    private static SampledGaussianSteps[] Append(IReadOnlyList<SampledGaussianSteps>? spent, SampledGaussianSteps next)
    {
        if (spent is not { Count: > 0 }) return [next];
        var last = spent[^1];
        if (last.SampleRate == next.SampleRate && last.NoiseMultiplier == next.NoiseMultiplier)
            return [.. spent.Take(spent.Count - 1), last with { Steps = last.Steps + next.Steps }];
        return [.. spent, next];
    }
}
