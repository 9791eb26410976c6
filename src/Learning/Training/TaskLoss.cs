using FedChain.Learning.Data.Schema;
using static FedChain.Learning.Models.TorchScalars;
using static TorchSharp.torch;

namespace FedChain.Learning.Training;

/// <summary>The training loss of a task, averaged over the batch.</summary>
internal static class TaskLoss
{
    public static Tensor Compute(TaskKind task, Tensor scores, Batch batch) => task switch
    {
        TaskKind.Survival => CoxPartialLikelihood(scores, batch.Target),
        TaskKind.Count when scores.dim() == 2 => NegativeBinomial(scores, batch.Target),
        TaskKind.Count => Poisson(scores, batch.Target),
        _ => nn.functional.binary_cross_entropy_with_logits(scores, batch.Target),
    };

    /// <summary>
    /// Negative Cox partial log-likelihood over the batch (Breslow ties), as FLamby's TCGA-BRCA
    /// baseline loss: rows sorted by time descending, so the risk set of row i is rows 0..i and
    /// loss_i = event_i * (log sum_{j&lt;=i} exp(s_j) - s_i); the mean is over every row of the batch.
    /// </summary>
    public static Tensor CoxPartialLikelihood(Tensor scores, Tensor events) =>
        ((scores.logcumsumexp(0) - scores) * events).mean();

    /// <summary>
    /// Mean -log P(y) of a negative binomial with log-mean s[:, 0] and log-size s[:, 1]:
    /// P(y) = Gamma(y + r) / (Gamma(r) y!) (r / (r + mu))^r (mu / (r + mu))^y, the logarithmic score
    /// (Gneiting &amp; Raftery 2007) that the forecasts are judged by.
    /// </summary>
    public static Tensor NegativeBinomial(Tensor scores, Tensor counts)
    {
        var logMean = scores.select(1, 0);
        var logSize = scores.select(1, 1);
        var size = logSize.exp();
        var logTotal = logaddexp(logMean, logSize);
        var logP = Plus(Plus(Plus(counts, size).lgamma() - size.lgamma() - Plus(counts, 1).lgamma(),
            size * (logSize - logTotal)), counts * (logMean - logTotal));
        return -logP.mean();
    }

    /// <summary>Mean -log P(y) of a Poisson with log-mean s: mu - y s + log y!.</summary>
    public static Tensor Poisson(Tensor logMean, Tensor counts) =>
        Plus(logMean.exp() - counts * logMean, Plus(counts, 1).lgamma()).mean();
}
