using FedChain.Learning.Data;

namespace FedChain.Learning.Survival;

/// <summary>One institution's harmonised survival rows and each row's patient id (the file's own pid).</summary>
public sealed record CohortSite(SiteDataset Data, IReadOnlyList<string> PatientIds)
{
    public string Name => Data.Site;
}
