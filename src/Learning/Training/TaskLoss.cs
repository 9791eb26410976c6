using FedChain.Learning.Data.Schema;
using static TorchSharp.torch;

namespace FedChain.Learning.Training;

/// <summary>The training loss of a task, averaged over the batch.</summary>
internal static class TaskLoss
{
    public static Tensor Compute(TaskKind task, Tensor scores, Batch batch) => task switch
    {
        TaskKind.Survival => CoxPartialLikelihood(scores, batch.Target),
        _ => nn.functional.binary_cross_entropy_with_logits(scores, batch.Target),
    };

    /// <summary>
    /// Negative Cox partial log-likelihood over the batch (Breslow ties), as FLamby's TCGA-BRCA
    /// baseline loss: rows sorted by time descending, so the risk set of row i is rows 0..i and
    /// loss_i = event_i * (log sum_{j&lt;=i} exp(s_j) - s_i); the mean is over every row of the batch.
    /// </summary>
    public static Tensor CoxPartialLikelihood(Tensor scores, Tensor events) =>
        ((scores.logcumsumexp(0) - scores) * events).mean();
}
