using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;

namespace FedChain.Learning.Tests.Personalisation;

public sealed class PersonalStageTests
{
    private static readonly IReadOnlyList<SimulatedSite> Sites = [.. FederatedPreprocessing.Normalise(Normalisation.Federated, Datasets.HeartSplits).Select(s => new SimulatedSite(s))];

    private static TrainingPlan Plan(PersonalisationSettings? personal, ModelSpec? model = null) =>
        TestPlans.Heart(rounds: 2) with { Personalisation = personal, Model = model ?? new ModelSpec(ModelKind.LogisticRegression) };

    [Fact]
    public void FedPer_CommitsNoHeadCoordinate_KeepsEachSitesHead_AndTheGlobalHeadNeverMoves()
    {
        var plan = Plan(new PersonalisationSettings(PersonalisationMethod.FedPer, PersonalHead.OutputLayer), new ModelSpec(ModelKind.Mlp, [4]));
        var pipeline = RoundPipeline.For(plan);
        var head = PersonalModels.Head(plan, PersonalHead.OutputLayer);
        var (offset, length) = head.GetOffsetAndLength(plan.ParameterCount);

        var update = pipeline.Train(plan.InitialParameters(), new(), Sites[0].Data.Train, 1, ClientState.Initial, null);
        var result = FederatedSimulation.Run(plan, Sites);

        Assert.Equal(5, length);
        Assert.All(update.Vector[offset..(offset + length)], v => Assert.Equal(0f, v));
        Assert.Contains(update.Vector[..offset], v => v != 0);
        Assert.Equal(length, update.State.Personal!.Length);
        Assert.Equal(plan.InitialParameters()[offset..], result.FinalParameters[offset..]);
        Assert.Equal(Sites.Select(s => s.Name), result.Rounds[^1].PersonalPerSite!.Keys);
    }

    [Fact]
    public void Ditto_LeavesTheGlobalModelsBits_AndGivesEachSiteAModelOfItsOwn()
    {
        var plain = FederatedSimulation.Run(Plan(null), Sites);
        var ditto = FederatedSimulation.Run(Plan(new PersonalisationSettings(PersonalisationMethod.Ditto, Lambda: 0.1)), Sites);

        Assert.Equal(plain.FinalModelHash, ditto.FinalModelHash);
        Assert.All(ditto.Rounds, r => Assert.Equal(Sites.Count, r.PersonalPerSite!.Count));
        Assert.NotEqual(ditto.Rounds[^1].Headline, ditto.Rounds[^1].PersonalHeadline);
    }

    [Fact]
    public void FineTune_GivesPersonalModelsAfterTheLastRoundOnly()
    {
        var result = FederatedSimulation.Run(Plan(new PersonalisationSettings(PersonalisationMethod.FineTune)), Sites);

        Assert.Null(result.Rounds[0].PersonalPerSite);
        Assert.Equal(Sites.Count, result.Rounds[^1].PersonalPerSite!.Count);
    }

    [Fact]
    public void FedPerWithTheOutputLayerOfALinearModel_IsRefused_NothingWouldBeShared()
    {
        var e = Assert.Throws<ArgumentException>(() => Plan(new PersonalisationSettings(PersonalisationMethod.FedPer, PersonalHead.OutputLayer)).Validate());

        Assert.Contains("fedper", e.Message);
        Assert.Contains("nothing would be shared", e.Message);
    }

    [Fact]
    public void Transfer_StartsFromTheReleasedBits_AndRefusesBitsOfAnotherModel()
    {
        var released = FederatedSimulation.Run(Plan(null), Sites);
        var plan = Plan(null) with { Seed = 7, StartFrom = new ReleasedModel("1", released.FinalModelHash) };

        Assert.Throws<InvalidOperationException>(() => plan.InitialParameters());
        var e = Assert.Throws<ArgumentException>(() => plan.WithStartingModel(plan.Architecture().InitialParameters(new Random(1))));
        Assert.Contains("not to the release", e.Message);
        Assert.Equal(released.FinalParameters, plan.WithStartingModel(released.FinalParameters).InitialParameters());
        Assert.NotEqual(Plan(null).Hash, plan.Hash);
        Assert.Equal(plan.Hash, TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(plan.CanonicalBytes()), "transfer").Hash);
    }
}
