using FedChain.Learning.Data;

namespace FedChain.Learning.Forecasting;

/// <summary>A region's forecast rows, and for each row its district (index into the table) and target week (1-based).</summary>
public sealed record ForecastRows(SiteDataset Data, int[] Districts, int[] Weeks);
