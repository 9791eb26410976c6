using System.CommandLine;
using FedChain.Node.Governance;

namespace FedChain.Node.Cli;

/// <summary>`fedchain gov execute ID` (queues first on a timelocked governor, then waits for the ETA) and `fedchain gov queue ID`.</summary>
internal static class GovExecuteCommand
{
    public static Command Build(bool queue)
    {
        var id = GovCommand.ProposalId();
        var wait = GovCommand.Wait("voting closes");
        var caller = new CallerOptions();
        var command = queue
            ? new Command("queue", "Queue a passed proposal on the governor's timelock (it can execute after the timelock delay).") { id, wait }
            : new Command("execute", "Carry out a passed proposal; on a timelocked governor queue it first and wait for its ETA.") { id, wait };
        caller.AddTo(command);
        command.SetAction((parse, ct) => InputErrors.GuardAsync(parse, async () =>
        {
            var proposal = GovCommand.ParseId(parse.GetValue(id)!);
            using var session = await caller.OpenAsync(parse, needKey: true, ct);
            var actions = new GovernanceActions(session.Consortium, TimeProvider.System, new ErrorLines(parse));
            if (queue) await actions.QueueAsync(proposal, parse.GetValue(wait), ct);
            else await actions.ExecuteAsync(proposal, parse.GetValue(wait), ct);
            return 0;
        }));
        return command;
    }
}
