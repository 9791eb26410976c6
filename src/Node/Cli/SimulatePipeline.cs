using FedChain.Learning.Asynchronous;
using FedChain.Learning.Compression;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Plans;
using FedChain.Learning.Robust;
using FedChain.Learning.Simulation;
using FedChain.Node.Rounds;

namespace FedChain.Node.Cli;

/// <summary>The stages `fedchain simulate` adds to the plan it builds, the slow site of asynchronous rounds, and the released model a plan starts from.</summary>
internal sealed record SimulatePipeline(RobustSettings? Robust, CompressionSettings? Compression, PersonalisationSettings? Personalisation,
    AsynchronousSettings? Asynchronous, SlowSite? Slow, string? StartModel)
{
    /// <summary>The plan with these sections (not for a --plan file: its own sections say) and, with transfer, the released bits.</summary>
    public TrainingPlan ApplyTo(TrainingPlan plan, bool fromFile)
    {
        if (Robust is not null || Compression is not null || Personalisation is not null || Asynchronous is not null)
        {
            if (fromFile) throw new ArgumentException("--robust, --compression, --personalisation and --buffer cannot change a --plan file: put them in its sections");
            plan = (plan with { Robust = Robust, Compression = Compression, Personalisation = Personalisation, Asynchronous = Asynchronous }).Validate();
        }

        if (plan.StartFrom is { } from)
        {
            var file = StartModel ?? throw new ArgumentException($"the plan starts from plan {from.PlanId}'s released model {from.ModelHash[..12]}: give its final-model.f32 with --start-model");
            if (!File.Exists(file)) throw new FileNotFoundException($"--start-model {file} does not exist", file);
            return plan.WithStartingModel(StartingModel.Parse(File.ReadAllBytes(file)));
        }

        return StartModel is null ? plan : throw new ArgumentException("--start-model only applies to a --plan file whose startFrom names a released model");
    }
}
