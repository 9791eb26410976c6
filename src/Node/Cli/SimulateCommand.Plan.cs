using FedChain.Learning.Benchmarks;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;
using FedChain.Node.Datasets;

namespace FedChain.Node.Cli;

internal static partial class SimulateCommand
{
    /// <summary>
    /// FLamby's settings for the dataset and strategy, with every option the user gave laid over them.
    /// With DP, each member declares its train-row count (<paramref name="splits"/>).
    /// </summary>
    private static TrainingPlan PlanFrom(SimulateArguments args, DatasetFolder folder, IReadOnlyList<SiteSplit> splits)
    {
        if (!FlambyProtocol.Datasets.Contains(args.Dataset!))
            throw new ArgumentException($"no FLamby protocol for dataset '{args.Dataset}' to build a plan from: write one with `fedchain plan init --schema {Path.Combine(folder.Path, "schema.json")}` and run it with --plan");
        var protocol = FlambyProtocol.For(args.Dataset!);
        var strategy = protocol.Strategies.First(s => s.Server!.Rule == args.Strategy);
        var client = Overlay(args, strategy.Client);
        var server = strategy.Server! with { LearningRate = args.ServerLearningRate ?? strategy.Server!.LearningRate };
        var model = args.Model is { } kind ? new ModelSpec(kind, kind == ModelKind.Mlp ? args.Hidden : null) : protocol.Model;
        var quantisation = Overlay(args, protocol.Quantisation);
        return new TrainingPlan(
            TrainingPlan.CurrentFormatVersion, folder.Schema, args.Normalisation ?? strategy.Normalisation, model, client, server,
            args.Rounds ?? strategy.Rounds, args.Seed, quantisation, Privacy(args.Privacy, client, splits)).Validate();
    }

    /// <summary>The local training options with every client option the user gave laid over them.</summary>
    private static LocalTrainingOptions Overlay(SimulateArguments args, LocalTrainingOptions client) => client with
    {
        Optimizer = args.Optimizer ?? client.Optimizer,
        LearningRate = args.ClientLearningRate ?? client.LearningRate,
        LocalSteps = args.LocalSteps ?? client.LocalSteps,
        LocalEpochs = args.LocalEpochs ?? client.LocalEpochs,
        BatchSize = args.BatchSize ?? client.BatchSize,
        ProximalMu = args.ProximalMu ?? client.ProximalMu,
    };

    private static QuantisationSettings Overlay(SimulateArguments args, QuantisationSettings quantisation) =>
        new(args.FixedPointBits ?? quantisation.FixedPointBits, args.MaxMembers ?? quantisation.MaxMembers);

    private static PrivacySettings? Privacy(PrivacySettings? privacy, LocalTrainingOptions client, IReadOnlyList<SiteSplit> splits)
    {
        if (privacy is null) return null;
        if (privacy.SampleRate is null && privacy.ExpectedBatchSize is null)
        {
            if (client.BatchSize <= 0) throw new ArgumentException("with full-batch local training (--batch-size 0), give --dp-batch-size or --dp-sample-rate");
            privacy = privacy with { ExpectedBatchSize = client.BatchSize };
        }

        return privacy.Declaring(splits.Select(s => (s.Train.Site, (long)s.Train.Count)));
    }
}
