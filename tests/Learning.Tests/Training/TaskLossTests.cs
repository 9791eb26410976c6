using FedChain.Learning.Data;
using FedChain.Learning.Training;

namespace FedChain.Learning.Tests.Training;

public sealed class TaskLossTests
{
    [Fact]
    public void CoxPartialLikelihood_EqualsTheRiskSetSum()
    {
        float[] times = [5, 2, 9, 2, 7];
        float[] events = [1, 0, 1, 1, 0];
        float[] scores = [0.3f, -1.2f, 0.8f, 0.1f, -0.4f];
        var data = new SiteDataset("s", 1, scores, null, times, events);

        // Batch sorts by time descending; feed the score through a 1-feature identity model.
        var batch = Batch.All(data);
        var loss = TaskLoss.CoxPartialLikelihood(batch.X.squeeze(1), batch.Target).item<float>();

        // Naive Breslow: for each event i, log sum over {j : T_j >= T_i} exp(s_j) - s_i; mean over all rows.
        var expected = 0.0;
        for (var i = 0; i < times.Length; i++)
        {
            if (events[i] == 0) continue;
            var riskSet = Enumerable.Range(0, times.Length).Where(j => times[j] >= times[i]).Sum(j => Math.Exp(scores[j]));
            expected += Math.Log(riskSet) - scores[i];
        }

        // Rows tied at T=2 (one event, one censored): the batch puts the censored row first, so both are in
        // the event's risk set, as in the naive sum. Row 3 (the event) is listed after row 1 anyway; row 0
        // and 2 are untied.
        Assert.Equal(expected / times.Length, loss, 1e-5);
    }
}
