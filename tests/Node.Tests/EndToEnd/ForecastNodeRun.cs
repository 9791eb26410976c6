using FedChain.Learning.Models;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// Influenza forecasting in node processes: the 11 regional health authorities, each node building
/// its forecast rows from its own districts' weekly series and the released counts, training the
/// protocol's LSTM with the endemic-epidemic head for two rounds.
/// </summary>
public sealed class ForecastNodeRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .OnDataset("influenza-bybw")
    .WithPlan(_ => DemoPlan.Influenza(rounds: 2, seed: 31, ModelKind.Lstm))
    .WithWindows(commitSeconds: 60, enrolmentSeconds: 90)
    .WithTimeout(TimeSpan.FromMinutes(8)));
