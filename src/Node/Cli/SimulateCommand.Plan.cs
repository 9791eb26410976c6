using FedChain.Learning.Benchmarks;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;

namespace FedChain.Node.Cli;

internal static partial class SimulateCommand
{
    /// <summary>FLamby's settings for the dataset and strategy, with every option the user gave laid over them.</summary>
    private static TrainingPlan PlanFrom(SimulateArguments args, DatasetFolder folder)
    {
        var protocol = FlambyProtocol.For(args.Dataset);
        var strategy = protocol.Strategies.First(s => s.Server!.Rule == args.Strategy);
        var client = strategy.Client with
        {
            Optimizer = args.Optimizer ?? strategy.Client.Optimizer,
            LearningRate = args.ClientLearningRate ?? strategy.Client.LearningRate,
            LocalSteps = args.LocalSteps ?? strategy.Client.LocalSteps,
            LocalEpochs = args.LocalEpochs ?? strategy.Client.LocalEpochs,
            BatchSize = args.BatchSize ?? strategy.Client.BatchSize,
            ProximalMu = args.ProximalMu ?? strategy.Client.ProximalMu,
        };
        var server = strategy.Server! with { LearningRate = args.ServerLearningRate ?? strategy.Server!.LearningRate };
        var model = args.Model is { } kind ? new ModelSpec(kind, kind == ModelKind.Mlp ? args.Hidden : null) : protocol.Model;
        var quantisation = new QuantisationSettings(args.FixedPointBits ?? protocol.Quantisation.FixedPointBits, args.MaxMembers ?? protocol.Quantisation.MaxMembers);
        return new TrainingPlan(
            TrainingPlan.CurrentFormatVersion, folder.Schema, args.Normalisation ?? strategy.Normalisation, model, client, server,
            args.Rounds ?? strategy.Rounds, args.Seed, quantisation).Validate();
    }
}
