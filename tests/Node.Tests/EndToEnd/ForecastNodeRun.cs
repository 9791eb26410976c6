using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// Influenza forecasting in node processes: the 11 regional health authorities, each node building
/// its forecast rows from its own districts' weekly series and the released counts, training the
/// protocol's LSTM with the endemic-epidemic head for two rounds of 10 local steps (the protocol takes
/// 40: the simulation that checks the bits runs the 11 regions one after the other).
/// </summary>
public sealed class ForecastNodeRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .OnDataset("influenza-bybw")
    .WithPlan(_ => Lstm())
    .WithWindows(commitSeconds: 60, enrolmentSeconds: 90)
    .WithTimeout(TimeSpan.FromMinutes(8)))
{
    private static TrainingPlan Lstm()
    {
        var plan = DemoPlan.Influenza(rounds: 2, seed: 31, ModelKind.Lstm);
        return (plan with { Client = plan.Client with { LocalSteps = 10 } }).Validate();
    }
}
