using System.CommandLine;
using System.Numerics;
using FedChain.Contracts.Deployment;

namespace FedChain.Node.Cli;

/// <summary>The options `chain up` and `chain deploy` share: the consortium file, the addresses
/// file to write, and the governance settings fixed at deployment.</summary>
internal sealed class ChainOptions
{
    public Option<FileInfo> Consortium { get; } = new("--consortium")
    {
        Description = "JSON file listing the founders: {\"members\": [{\"name\", \"address\", \"endpoint\", \"role\": \"member\"|\"auditor\"}]}.",
        Required = true,
    };

    public Option<FileInfo> Out { get; } = new("--out") { Description = "Where to write the addresses file that nodes read.", Required = true };

    public Option<uint> VotingDelay { get; } = new("--voting-delay") { Description = "Seconds from a proposal to its vote.", DefaultValueFactory = _ => new DeploymentOptions().VotingDelaySeconds };

    public Option<uint> VotingPeriod { get; } = new("--voting-period") { Description = "Seconds a vote stays open.", DefaultValueFactory = _ => new DeploymentOptions().VotingPeriodSeconds };

    public Option<byte> Quorum { get; } = new("--quorum") { Description = "Percent of member votes a proposal needs to take part.", DefaultValueFactory = _ => new DeploymentOptions().GovernanceQuorumPercent };

    public Option<decimal> FundEther { get; }

    public ChainOptions(decimal defaultFunding)
    {
        FundEther = new("--fund-ether") { Description = "Ether sent to each founder holding less (from the deployer).", DefaultValueFactory = _ => defaultFunding };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Consortium, Out, VotingDelay, VotingPeriod, Quorum, FundEther }) command.Options.Add(option);
    }

    public DeploymentOptions Deployment(ParseResult parse) => new DeploymentOptions
    {
        VotingDelaySeconds = parse.GetValue(VotingDelay),
        VotingPeriodSeconds = parse.GetValue(VotingPeriod),
        GovernanceQuorumPercent = parse.GetValue(Quorum),
        FundFoundersWei = new BigInteger(parse.GetValue(FundEther) * 1_000_000_000m) * BigInteger.Pow(10, 9),
    }.Validate();
}
