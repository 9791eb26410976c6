using System.CommandLine;
using FedChain.Contracts.Governance;
using FedChain.Node.Governance;

namespace FedChain.Node.Cli;

/// <summary>`fedchain gov vote ID for|against|abstain [--reason TEXT]`.</summary>
internal static class GovVoteCommand
{
    public static Command Build()
    {
        var id = GovCommand.ProposalId();
        var support = new Argument<string>("SUPPORT") { Description = "for, against or abstain." };
        support.AcceptOnlyFromAmong("for", "against", "abstain");
        var reason = new Option<string?>("--reason") { Description = "Why, recorded on-chain with the vote." };
        var wait = GovCommand.Wait("voting opens");
        var caller = new CallerOptions();
        var command = new Command("vote", "Cast your institution's vote on a proposal while its vote is open.") { id, support, reason, wait };
        caller.AddTo(command);
        command.SetAction((parse, ct) => InputErrors.GuardAsync(parse, async () =>
        {
            var proposal = GovCommand.ParseId(parse.GetValue(id)!);
            var choice = Enum.Parse<VoteSupport>(parse.GetValue(support)!, ignoreCase: true);
            using var session = await caller.OpenAsync(parse, needKey: true, ct);
            await new GovernanceActions(session.Consortium, TimeProvider.System, new ErrorLines(parse)).VoteAsync(proposal, choice, parse.GetValue(reason), parse.GetValue(wait), ct);
            return 0;
        }));
        return command;
    }
}
