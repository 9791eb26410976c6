using System.CommandLine;
using FedChain.Node.Agent;
using FedChain.Node.Consent;
using FedChain.Node.Plans;

namespace FedChain.Node.Cli;

/// <summary>`fedchain plan approve HASH --config FILE`: this institution agrees to take part in the plan; its node then opts in.</summary>
internal static class PlanApproveCommand
{
    public static Command Build()
    {
        var hash = new Argument<string>("HASH") { Description = "The plan hash (as `gov show` or `plan init` prints it)." };
        var config = new Option<FileInfo>("--config") { Description = "Your node config: the approval goes into its state folder.", Required = true };
        var by = new Option<string?>("--by") { Description = "Who approves (default: the user running the command)." };
        var note = new Option<string?>("--note") { Description = "Why, or under which decision (kept with the approval)." };
        var command = new Command("approve", "Record your institution's approval of a plan (who and when) in your node's state; the node then joins it.") { hash, config, by, note };
        command.SetAction(parse => InputErrors.Guard(parse, () =>
        {
            var node = NodeConfig.Load(parse.GetValue(config)!.FullName);
            var plan = parse.GetValue(hash)!;
            if (!PlanDocuments.IsHash(plan)) throw new ArgumentException($"'{plan}' is not a plan hash: expected 64 hex digits");
            var output = parse.InvocationConfiguration.Output;
            try
            {
                output.WriteLine(PlanDescription.Describe(PlanDocuments.Load(plan, node, null)));
            }
            catch (FileNotFoundException)
            {
                output.WriteLine($"plan {plan}: the document is not in your node's store yet (approving by hash)");
            }

            var approval = new ApprovalBook(node.Resolve(node.StateDirectory)).Approve(plan, parse.GetValue(by) ?? Environment.UserName, TimeProvider.System.GetUtcNow(), parse.GetValue(note));
            output.WriteLine($"approved plan {approval.PlanHash} for {node.Site}: by {approval.ApprovedBy} at {approval.ApprovedAt:u}");
            return 0;
        }));
        return command;
    }
}
