using System.CommandLine;
using FedChain.Node.Agent;
using FedChain.Node.Consent;
using FedChain.Node.Plans;

namespace FedChain.Node.Cli;

/// <summary>`fedchain plan show FILE|HASH`: a plan in words, and (with --config) whether this institution consents to it.</summary>
internal static class PlanShowCommand
{
    public static Command Build()
    {
        var plan = new Argument<string>("PLAN") { Description = "A plan file, or a plan hash to look up in your node's store (--config) or --blobs." };
        var config = new Option<FileInfo?>("--config") { Description = "Your node config: its blob store, approvals and consent policy." };
        var blobs = new Option<DirectoryInfo?>("--blobs") { Description = "A folder of exported blobs to look the hash up in." };
        var command = new Command("show", "Describe a plan in words: data, model, training, protection, contribution, chain terms.") { plan, config, blobs };
        command.SetAction(parse => InputErrors.Guard(parse, () =>
        {
            var node = parse.GetValue(config) is { } file ? NodeConfig.Load(file.FullName) : null;
            var document = PlanDocuments.Load(parse.GetValue(plan)!, node, parse.GetValue(blobs)?.FullName);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(PlanDescription.Describe(document));
            if (node is not null)
            {
                var decision = PlanConsent.Decide(document, new ApprovalBook(node.Resolve(node.StateDirectory)).Find(document.Hash), node.Consent);
                output.WriteLine($"  your institution ({node.Site}): {decision.Status}: {decision.Reason}");
            }

            return 0;
        }));
        return command;
    }
}
