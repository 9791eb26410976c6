using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;

namespace FedChain.Learning.Forecasting;

/// <summary>One federated forecasting method: a model family and how the regions train it.</summary>
/// <param name="Name">As in results.json.</param>
/// <param name="Model">The family and its shape.</param>
/// <param name="Client">Local training per round (ignored by trees, which grow from histograms).</param>
/// <param name="Server">The server rule (tree-growth for trees).</param>
/// <param name="Rounds">Federated rounds.</param>
/// <param name="Quantisation">Fixed-point bits and the most members summed.</param>
/// <param name="Normalisation">Feature scaling: none for the endemic-epidemic head (it reads last week's counts), federated for trees.</param>
public sealed record ForecastMethod(string Name, ModelSpec Model, LocalTrainingOptions Client, ServerSettings Server, int Rounds, QuantisationSettings Quantisation, Normalisation Normalisation);
